// userfaultfd: UFFDIO_REGISTER (MODE_MISSING) and the monitor that answers faults with UFFDIO_COPY (§3.11).

import type { ActorProgram, StepDef } from '../program.ts';
import type { LocalsOf } from '../types.ts';
import { finish, firstBlock, rwFree, spinFree } from '../program.ts';
import { src } from '../sources.ts';
import { allocFolio, setNrpages, setSlot } from '../tx.ts';
import { acquire, release } from '../locks.ts';
import { addToLru } from '../lru.ts';
import { setPte } from '../pageTable.ts';

/** The locals this file's steps use (types.ts Locals): nothing else of the thread's record. */
export type UffdLocals = LocalsOf<never>;

const registerSteps: Record<string, StepDef<string, UffdLocals>> = {
  register: {
    label: 'userfaultfd_register',
    text: 'Under mmap_lock (write), set UFFD_MISSING on the VMA. Collapse holds nothing that excludes this.',
    src: src('userfaultfd_register'),
    guard: (w, t) => rwFree(w, 'mmap', 'write', t.id),
    run: (tx, t) => {
      acquire(tx, 'mmap', 'write');
      tx.w.proc.uffdMissing = true;
      tx.ev.push({ type: 'uffd.registered' });
      release(tx, 'mmap');
      finish(tx, t, 'registered');
    },
  },
};

export const uffdRegister: ActorProgram<UffdLocals> = {
  kind: 'uffd_register',
  param: null,
  cursor: { at: 'none', verb: 'registers' },
  steps: registerSteps,
  entry: 'register',
  listing: () => ['register'],
};

const monitorSteps: Record<string, StepDef<string, UffdLocals>> = {
  serve: {
    label: 'UFFDIO_COPY',
    text: 'Take the next missing-page event; insert a page with the real data into the hole (EEXIST if filled), map it, wake the faulter.',
    src: src('mfill_atomic'),
    guard: (w, t) =>
      w.uffdQueue.length === 0
        ? { kind: 'idle' }
        : firstBlock(spinFree(w, 'xa_lock', t.id), spinFree(w, 'ptl', t.id)),
    run: (tx, t) => {
      const w = tx.w;
      const ev = w.uffdQueue.shift();
      if (!ev) return;
      if (w.slots[ev.index]?.t === 'empty') {
        acquire(tx, 'xa_lock');
        const v = w.nextValue++;
        const f = allocFolio(
          tx,
          { huge: false, index: ev.index, data: [v], uptodate: true, mapped: true, dirty: true },
          [{ kind: 'cache', thread: -1 }],
        );
        setSlot(tx, ev.index, { t: 'folio', folio: f.id });
        setNrpages(tx, 1);
        release(tx, 'xa_lock');
        addToLru(tx, f);
        const ghost = tx.ghostToWrite();
        ghost.logical[ev.index] = v;
        ghost.hasData[ev.index] = true;
        if (w.proc.pmd === 'table' && w.proc.ptes[ev.index] === null) {
          acquire(tx, 'ptl');
          setPte(tx, ev.index, f);
          release(tx, 'ptl');
        }
        t.result = `copied ${v} into ${ev.index}`;
      } else t.result = `EEXIST at ${ev.index}`;
      tx.ev.push({ type: 'uffd.resolved', index: ev.index, thread: ev.thread });
    },
  },
};

export const uffdMonitor: ActorProgram<UffdLocals> = {
  kind: 'uffd_monitor',
  // Serves the faults of a VMA registered for userfaultfd MISSING (by the setup, or a registering thread).
  roles: {
    daemon: {
      neededBy: (s) => s.slots.uffd || s.threads.some((t) => t.actor === uffdRegister.kind),
      serves: 'userfaultfd',
    },
  },
  param: null,
  cursor: { at: 'none', verb: 'serves' },
  steps: monitorSteps,
  entry: 'serve',
  listing: () => ['serve'],
};
