// read(), write() and fallocate() on one page index (spec §3.3, §3.5, §3.6).

import { dropLookup } from '../lookup.ts';
import type { ActorProgram, StepDef } from '../program.ts';
import type { Answer } from '../cursorRole.ts';
import { finish, inodeFree, observe } from '../program.ts';
import { src } from '../sources.ts';
import type { DraftFolio, DraftThread, Tx } from '../tx.ts';
import { newValue, setFlag, unlockPage } from '../tx.ts';
import { acquire, release } from '../locks.ts';
import { shmemGetListing, shmemGetSteps } from './shmemGet.ts';
import { MODEL_VERSION } from '../modelVersion.ts';
import type { Emit } from '../invariants/report.ts';
import type { LocalsOf, Thread, World } from '../types.ts';

/** The locals this file's steps use (types.ts Locals): nothing else of the thread's record. */
export type ReadWriteLocals = LocalsOf<'index' | 'folio' | 'value' | 'vec' | 'xas'>;

const pageParam = { name: 'index', min: 0, max: (n: number) => n - 1 };

// --- read ------------------------------------------------------------------------------------------------

function readDone(tx: Tx, t: DraftThread<ReadWriteLocals>, value: number): void {
  // shmem_file_read_iter re-reads i_size after getting the page: past the end it returns nothing.
  const result = t.param >= tx.w.iSize ? 'EOF' : String(value);
  t.l.value = value;
  observe(tx, t, `read(${t.param})`, result);
  finish(tx, t, result);
}

const readSteps: Record<string, StepDef<string, ReadWriteLocals>> = {
  ...shmemGetSteps('', 'read', 'the page', {
    descend: true,
    hole: (tx, t) => readDone(tx, t, 0),
    locked: (tx, t, f) => {
      unlockPage(tx, f); // shmem_file_read_iter unlocks before copying, holding only a reference
      t.pc = 'copy';
    },
  }),
  copy: {
    label: 'copy_page_to_iter',
    text: 'Copy the page contents to the user (holding only a reference), then drop it.',
    src: src('shmem_file_read_iter:copy'),
    run: (tx, t) => {
      const f = tx.folio(t.l.folio ?? -1);
      const value = f.data[t.param - f.index] ?? 0;
      dropLookup(tx, t);
      readDone(tx, t, value);
    },
  },
};

/** Readers' I3: read() returns a value the file held at some point during the call. */
function checkRead(_w: World, t: Thread<ReadWriteLocals>, emit: Emit): void {
  if (t.result !== 'EOF' && !t.l.vec.includes(t.l.value))
    emit(
      'data',
      `read(${t.param}) returned ${t.l.value}; the file held ${t.l.vec.join(' or ')} during the call`,
      [t.id],
      [t.param],
    );
}

/** On the grid: the value read, on the slot it came from. */
const readAnswer = (w: World, t: Thread<ReadWriteLocals>): Answer | null =>
  t.param < w.n ? { kind: 'read', at: t.param, value: t.l.value } : null;

export const read: ActorProgram<ReadWriteLocals> = {
  kind: 'read',
  roles: { observer: { premise: 'value', checkCall: checkRead }, instantiator: true },
  param: pageParam,
  cursor: { at: 'param', verb: 'reads', answer: readAnswer },
  steps: readSteps,
  entry: 'get',
  listing: (_flags, xa = false, model = MODEL_VERSION) => [...shmemGetListing('', xa && model >= 3), 'copy'],
};

// --- write -----------------------------------------------------------------------------------------------

const inodeLock = (what: string, key: string): StepDef<string, ReadWriteLocals> => ({
  label: 'inode_lock',
  text: `Take the inode lock for ${what}.`,
  src: src(key),
  guard: (w, t) => inodeFree(w, t.id),
  run: (tx, t) => {
    acquire(tx, 'inode');
    t.l.index = t.param;
    t.pc = 'get';
  },
});

function endLocked(tx: Tx, t: DraftThread<ReadWriteLocals>, f: DraftFolio): void {
  unlockPage(tx, f);
  dropLookup(tx, t);
  release(tx, 'inode');
}

const writeSteps: Record<string, StepDef<string, ReadWriteLocals>> = {
  inode_lock: inodeLock('write()', 'write_iter:inode_lock'),
  ...shmemGetSteps('', 'write', 'the page', { locked: (_tx, t) => void (t.pc = 'write') }),
  write: {
    label: 'shmem_write_end',
    text: 'Copy the new data into the page, mark it uptodate and dirty, unlock it and drop the inode lock.',
    src: src('shmem_write_end'),
    run: (tx, t) => {
      const f = tx.folio(t.l.folio ?? -1);
      const v = newValue(tx);
      const sub = t.param - f.index;
      f.data[sub] = v;
      f.valid[sub] = true;
      f.fallocUnwritten = false;
      tx.ev.push({ type: 'page.written', folio: f.id, index: t.param, value: v });
      setFlag(tx, f, 'uptodate', true);
      setFlag(tx, f, 'dirty', true);
      const ghost = tx.ghostToWrite();
      ghost.logical[t.param] = v;
      ghost.hasData[t.param] = true;
      if (t.param >= tx.w.iSize) {
        tx.w.iSize = t.param + 1; // a write past the end extends the file
        tx.ev.push({ type: 'inode.changed', nrpages: tx.w.nrpages, iSize: tx.w.iSize });
      }
      endLocked(tx, t, f);
      observe(tx, t, `write(${t.param})`, String(v));
      finish(tx, t, `wrote ${v}`);
    },
  },
};

export const write: ActorProgram<ReadWriteLocals> = {
  kind: 'write',
  roles: { instantiator: true },
  param: pageParam,
  cursor: { at: 'param', verb: 'writes' },
  steps: writeSteps,
  entry: 'inode_lock',
  listing: () => ['inode_lock', ...shmemGetListing(''), 'write'],
};

// --- fallocate -------------------------------------------------------------------------------------------

const fallocSteps: Record<string, StepDef<string, ReadWriteLocals>> = {
  inode_lock: inodeLock('fallocate()', 'shmem_fallocate:inode_lock'),
  ...shmemGetSteps('', 'falloc', 'the page', { locked: (_tx, t) => void (t.pc = 'finish') }),
  finish: {
    label: 'folio_unlock; inode_unlock',
    text: 'The page is allocated (a new one stays !uptodate: allocated but unwritten); unlock it and the inode.',
    src: src('shmem_fallocate:inode_unlock'),
    run: (tx, t) => {
      endLocked(tx, t, tx.folio(t.l.folio ?? -1));
      finish(tx, t, 'allocated');
    },
  },
};

export const fallocate: ActorProgram<ReadWriteLocals> = {
  kind: 'fallocate',
  roles: { instantiator: true },
  param: pageParam,
  cursor: { at: 'param', verb: 'fallocates' },
  steps: fallocSteps,
  entry: 'inode_lock',
  listing: () => ['inode_lock', ...shmemGetListing(''), 'finish'],
};
