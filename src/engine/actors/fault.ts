// A page fault on the shared mapping (shmem_fault -> shmem_get_folio_gfp(SGP_CACHE) -> finish_fault,
// spec §3.4), userfaultfd MISSING handling (§3.11), and fast GUP with its slow-path fallback (§3.8).

import { dropLookup } from '../lookup.ts';
import type { ActorProgram, StepDef } from '../program.ts';
import { finish, rwFree, spinFree } from '../program.ts';
import { src } from '../sources.ts';
import type { DraftThread, Tx } from '../tx.ts';
import { getRef, putRef, unlockPage, folioOf } from '../tx.ts';
import { acquire, release } from '../locks.ts';
import { setPte } from '../pageTable.ts';
import { rolesOf } from '../roles.ts';
import type { Folio, LocalsOf, Thread, World } from '../types.ts';
import { shmemGetListing, shmemGetSteps } from './shmemGet.ts';

/** The locals this file's steps use (types.ts Locals): nothing else of the thread's record. */
export type FaultLocals = LocalsOf<'index' | 'folio'>;

const pageParam = { name: 'index', min: 0, max: (n: number) => n - 1 };
const isGup = (t: Thread<FaultLocals>) => t.actor === 'gup_fast' || t.actor === 'pin';
const gupKind = (t: Thread<FaultLocals>) => (t.actor === 'pin' ? 'pin' : 'gup');

/** Maps the huge page with one PMD when the page table was retracted, else needs the PTE's lock. */
const mapsHuge = (w: World, f: Folio) => f.huge && w.proc.pmd === 'none';

function faultDone(tx: Tx, t: DraftThread<FaultLocals>, f: Folio): void {
  finish(tx, t, isGup(t) ? `${gupKind(t)} folio ${f.id} (slow path)` : `mapped folio ${f.id}`);
}

const faultSteps: Record<string, StepDef<string, FaultLocals>> = {
  mmap_lock: {
    label: 'mmap_read_lock',
    text: 'Take the mmap lock for reading (a userfaultfd registration holds it for writing).',
    src: src('handle_mm_fault'),
    guard: (w, t) => rwFree(w, 'mmap', 'read', t.id),
    run: (tx, t) => {
      if (t.param >= tx.w.iSize) {
        finish(tx, t, isGup(t) ? 'EFAULT' : 'SIGBUS'); // beyond the end of the file (after a truncate)
        return;
      }
      acquire(tx, 'mmap', 'read');
      t.l.index = t.param;
      t.pc = 'get';
    },
  },
  ...shmemGetSteps('', 'cache', 'the faulting index', {
    locked: (_tx, t) => void (t.pc = 'map'),
    beyondEof: (tx, t) => {
      release(tx, 'mmap');
      finish(tx, t, isGup(t) ? 'EFAULT' : 'SIGBUS');
    },
    missing: (tx, t) => {
      tx.w.uffdQueue.push({ thread: t.id, index: t.param });
      tx.ev.push({ type: 'uffd.queued', index: t.param, thread: t.id });
      release(tx, 'mmap'); // handle_userfault drops mmap_lock and sleeps (VM_FAULT_RETRY)
      t.pc = 'uffd_wait';
    },
  }),
  uffd_wait: {
    label: 'handle_userfault: sleep',
    text: 'Sleep until the userfaultfd monitor resolves the missing page, then retry the fault.',
    src: src('handle_userfault'),
    // The monitor wakes it by taking its event off the queue (it never writes this thread's locals).
    guard: (w, t) => {
      if (!w.uffdQueue.some((e) => e.thread === t.id)) return null;
      const monitor = w.threads.find((x) => rolesOf(x).daemon?.serves === 'userfaultfd');
      return { kind: 'uffd', index: t.param, owner: monitor ? monitor.id : -1 };
    },
    run: (_tx, t) => {
      t.pc = 'mmap_lock';
    },
  },
  map: {
    label: 'finish_fault: set_pte_at',
    text: 'Map the page: one PMD for a huge page when the page table is gone, else a PTE under the PTL. Unlock the page.',
    src: src('finish_fault'),
    guard: (w, t) => (mapsHuge(w, folioOf(w, t.l.folio ?? -1)) ? null : spinFree(w, 'ptl', t.id)),
    run: (tx, t) => {
      const w = tx.w;
      const f = tx.folio(t.l.folio ?? -1);
      if (mapsHuge(w, f)) {
        w.proc.pmd = 'huge';
        w.proc.pmdFolio = f.id;
        f.mapcount++;
        getRef(tx, f, 'pmd', -1);
        tx.ev.push({ type: 'pmd.changed', pmd: 'huge' });
      } else if (w.proc.pmd !== 'huge') {
        acquire(tx, 'ptl');
        if (w.proc.pmd === 'none') {
          w.proc.pmd = 'table'; // pte_alloc: a fresh page table
          tx.ev.push({ type: 'pmd.changed', pmd: 'table' });
        }
        if (w.proc.ptes[t.param] === null) setPte(tx, t.param, f);
        release(tx, 'ptl');
      }
      unlockPage(tx, f);
      if (isGup(t)) getRef(tx, f, gupKind(t));
      dropLookup(tx, t);
      release(tx, 'mmap');
      faultDone(tx, t, f);
    },
  },
};

export const fault: ActorProgram<FaultLocals> = {
  kind: 'fault',
  roles: { instantiator: true },
  param: pageParam,
  cursor: { at: 'param', verb: 'faults in' },
  steps: faultSteps,
  entry: 'mmap_lock',
  listing: () => ['mmap_lock', ...shmemGetListing(''), 'uffd_wait', 'map'],
};

// --- fast GUP ------------------------------------------------------------------------------------------

const GUP = (stmt: string) => src(`gup_pte_range:${stmt}`);

/** The folio the process maps at index i (through a PTE or a huge PMD), if any. */
function mappedAt(w: World, i: number): number | null {
  if (w.proc.pmd === 'huge') return w.proc.pmdFolio;
  if (w.proc.pmd === 'none') return null;
  return w.proc.ptes[i] ?? null;
}

const gupSteps: Record<string, StepDef<string, FaultLocals>> = {
  read_pte: {
    label: 'ptep_get_lockless',
    text: 'Read the PTE without locks (interrupts off). None: fall back to the slow path (a fault).',
    src: GUP('read_pte'),
    run: (tx, t) => {
      const id = mappedAt(tx.w, t.param);
      if (id === null) {
        t.pc = 'mmap_lock';
        return;
      }
      t.l.folio = id;
      t.pc = 'grab';
    },
  },
  grab: {
    label: 'try_grab_folio',
    text: 'Take a reference (+1 for FOLL_GET, +1024 for FOLL_PIN); fails on a frozen page, which means fall back.',
    src: GUP('grab'),
    run: (tx, t) => {
      const id = t.l.folio ?? -1;
      const f = tx.w.folios[id] ? tx.folio(id) : null;
      if (!f || f.frozenBy !== null) {
        t.l.folio = null;
        t.pc = 'mmap_lock';
        return;
      }
      getRef(tx, f, gupKind(t));
      t.pc = 'recheck';
    },
  },
  recheck: {
    label: 'pte_val(pte) != pte_val(*ptep)',
    // 6.5 replaced the dereference with ptep_get() (the v6.7 variants, the ones with 55ac8bbe358b).
    labelFor: (f) =>
      f.undoRangeSplits ? 'pte_val(pte) != pte_val(ptep_get(ptep))' : 'pte_val(pte) != pte_val(*ptep)',
    text: 'Re-read the PTE: if it changed (e.g. collapse unmapped it), drop the reference and fall back.',
    src: GUP('recheck'),
    run: (tx, t) => {
      const f = tx.folio(t.l.folio ?? -1);
      if (mappedAt(tx.w, t.param) === f.id) {
        t.l.folio = null;
        finish(tx, t, `${gupKind(t)} folio ${f.id}`);
        return;
      }
      putRef(tx, f, gupKind(t));
      t.l.folio = null;
      t.pc = 'mmap_lock';
    },
  },
};

const gupProgram = (kind: 'gup_fast' | 'pin'): ActorProgram<FaultLocals> => ({
  kind,
  roles: { instantiator: true }, // its slow path faults the page in
  param: pageParam,
  cursor: { at: 'param', verb: kind === 'pin' ? 'pins (FOLL_PIN)' : 'pins (GUP)' },
  steps: { ...faultSteps, ...gupSteps },
  entry: 'read_pte',
  listing: () => ['read_pte', 'grab', 'recheck', 'mmap_lock', ...shmemGetListing(''), 'uffd_wait', 'map'],
});

export const gupFast = gupProgram('gup_fast');
export const pin = gupProgram('pin');
