// lseek(SEEK_DATA / SEEK_HOLE) on shmem: shmem_file_llseek -> mapping_seek_hole_data (spec §3.1).
// With `|xa` find_get_entry walks the tree: those steps are seekTree.ts's, which loads with the rest of
// the tree's code (actors/all.ts); a `|xa` world is built only after it has (xarray/code.ts).

import { dropLookup, lookupSpin } from '../lookup.ts';
import type { ActorProgram, StepDef } from '../program.ts';
import type { Answer } from '../cursorRole.ts';
import { finish, inodeFree, observe } from '../program.ts';
import { src } from '../sources.ts';
import type { DraftThread, Tx } from '../tx.ts';
import { getRef } from '../tx.ts';
import { acquire, release } from '../locks.ts';
import { range, type Emit } from '../invariants/report.ts';
import type { LocalsOf, Thread, World } from '../types.ts';
import { walkFrom } from '../xarray/walkFrom.ts';

/** The locals this file's steps use (types.ts Locals): nothing else of the thread's record. */
export type SeekLocals = LocalsOf<'index' | 'folio' | 'start' | 'throughout' | 'value' | 'xas'>;

function conclude(tx: Tx, t: DraftThread<SeekLocals>, offset: number | 'ENXIO'): void {
  release(tx, 'inode');
  delete t.l.xas;
  t.l.value = offset === 'ENXIO' ? tx.w.iSize : offset;
  const what = t.actor === 'seek_data' ? `SEEK_DATA(${t.param})` : `SEEK_HOLE(${t.param})`;
  observe(tx, t, what, String(offset));
  finish(tx, t, String(offset));
}

/**
 * One entry decides: data (uptodate folio or swap) or hole (!uptodate folio: shmem has no partial-uptodate
 * hook). Returns where the scan goes on (past this entry; past a large folio's end), or null: it ended.
 */
export function decide(
  tx: Tx,
  t: DraftThread<SeekLocals>,
  pos: number,
  isData: boolean,
  size: number,
): number | null {
  const seekData = t.actor === 'seek_data';
  const offset = t.l.start;
  if (offset < pos && !seekData) {
    conclude(tx, t, offset); // SEEK_HOLE skipped a hole
    return null;
  }
  const from = Math.max(offset, pos);
  if (isData === seekData) {
    conclude(tx, t, from);
    return null;
  }
  // Not what we look for: continue after this entry; a large folio makes the scan jump to its end.
  const end = Math.ceil((pos + 1) / size) * size;
  t.l.start = end;
  return end;
}

/** The flat lookup goes on at `end` (nothing to do when the scan ended: null). */
function findFrom(t: DraftThread<SeekLocals>, end: number | null): void {
  if (end === null) return;
  t.l.index = end;
  t.pc = 'find';
}

export function atEnd(tx: Tx, t: DraftThread<SeekLocals>): void {
  // No entry left: SEEK_DATA fails, SEEK_HOLE reports the cursor (a hole runs to the end of the file).
  conclude(tx, t, t.actor === 'seek_data' ? 'ENXIO' : Math.min(t.l.start, tx.w.iSize));
}

const steps: Record<string, StepDef<string, SeekLocals>> = {
  inode_lock: {
    label: 'inode_lock',
    text: 'Take the inode lock (excludes write, fallocate and truncate, not collapse).',
    src: src('shmem_file_llseek:inode_lock'),
    guard: (w, t) => inodeFree(w, t.id),
    run: (tx, t) => {
      acquire(tx, 'inode');
      t.l.start = t.param;
      t.l.index = t.param;
      if (t.param >= tx.w.iSize) return conclude(tx, t, 'ENXIO');
      if (tx.w.xa) {
        walkFrom(t, t.param);
        t.pc = 'xa_xas_load';
        return;
      }
      t.pc = 'find';
    },
  },
  find: {
    label: 'find_get_entry',
    text: 'Find the next non-empty entry at or after the cursor, locklessly, and take a reference on it.',
    src: src('mapping_seek_hole_data:find_get_entry'),
    guard: (w, t) => {
      for (let i = t.l.index; i < Math.min(w.iSize, w.n); i++)
        if (w.slots[i]?.t !== 'empty') return lookupSpin(w, i);
      return null;
    },
    run: (tx, t) => {
      const w = tx.w;
      const limit = Math.min(w.iSize, w.n);
      let i = t.l.index;
      while (i < limit && w.slots[i]?.t === 'empty') i++;
      if (i >= limit) return atEnd(tx, t);
      const e = w.slots[i];
      t.l.index = i;
      if (e?.t === 'swap') return findFrom(t, decide(tx, t, i, true, 1));
      if (e?.t === 'folio') {
        getRef(tx, tx.folio(e.folio), 'lookup');
        t.l.folio = e.folio;
        t.pc = 'decide';
      }
    },
  },
  decide: {
    label: 'xas_reload; folio_seek_hole_data',
    text: 'Re-check the slot, then decide: an uptodate folio is data, a !uptodate one counts as a hole.',
    src: src('folio_seek_hole_data'),
    run: (tx, t) => {
      const id = t.l.folio ?? -1;
      const f = tx.folio(id);
      const e = tx.w.slots[t.l.index];
      const still = e?.t === 'folio' && e.folio === id;
      dropLookup(tx, t);
      if (!still) {
        t.pc = 'find';
        return;
      }
      findFrom(t, decide(tx, t, t.l.index, f.uptodate, f.huge ? tx.w.n : 1));
    },
  },
};

/** I1: the offset returned skips no slot that held data for the whole call. */
function checkSeek(w: World, t: Thread<SeekLocals>, emit: Emit): void {
  if (t.actor === 'seek_data') {
    const lost = range(t.param, Math.min(t.l.value, w.n)).filter((i) => t.l.throughout[i]);
    if (lost.length > 0)
      emit(
        'seek',
        `SEEK_DATA(${t.param}) returned ${t.result}, skipping slot ${lost.join(', ')} that held data for the whole call`,
        [t.id],
        lost,
      );
    return;
  }
  const r = t.l.value;
  if (r < w.iSize && t.l.throughout[r])
    emit(
      'seek',
      `SEEK_HOLE(${t.param}) returned ${r}, but slot ${r} held data for the whole call`,
      [t.id],
      [r],
    );
}

/** On the grid: the slots the call jumped over and the slot it named (none for ENXIO). */
const seekAnswer =
  (call: 'SEEK_DATA' | 'SEEK_HOLE') =>
  (w: World, t: Thread<SeekLocals> & { readonly result: string }): Answer => {
    const offset = /^\d+$/.test(t.result) ? Number(t.result) : null;
    const at = offset !== null && offset < w.n ? offset : null;
    const skipped = range(t.param, Math.min(w.n, offset ?? w.n));
    return { kind: 'seek', call: `${call}(${t.param})`, result: t.result, skipped, at };
  };

export const seekData: ActorProgram<SeekLocals> = {
  kind: 'seek_data',
  roles: { observer: { premise: 'data', checkCall: checkSeek } },
  param: { name: 'offset', min: 0, max: (n) => n },
  cursor: { at: 'scan', verb: 'looks up', answer: seekAnswer('SEEK_DATA') },
  steps,
  entry: 'inode_lock',
  listing: () => ['inode_lock', 'find', 'decide'],
};
export const seekHole: ActorProgram<SeekLocals> = {
  ...seekData,
  kind: 'seek_hole',
  cursor: { ...seekData.cursor, answer: seekAnswer('SEEK_HOLE') },
};
