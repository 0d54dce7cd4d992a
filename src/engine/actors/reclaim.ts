// Memory pressure: reclaim swapping a shmem page out (spec §3.10) and draining the per-CPU lru batches (§3.9).

import type { ActorProgram, StepDef } from '../program.ts';
import type { LocalsOf } from '../types.ts';
import { finish, spinFree } from '../program.ts';
import { src } from '../sources.ts';
import type { DraftThread, Tx } from '../tx.ts';
import {
  getRef,
  lockPage,
  putRef,
  setFlag,
  setNrpages,
  setSlot,
  slotFolio,
  tryFreeze,
  unlockPage,
} from '../tx.ts';
import { acquire, release } from '../locks.ts';
import { drainLru, putbackLru } from '../lru.ts';
import { isMappedByProcess, unmapFolio } from '../pageTable.ts';

/** The locals this file's steps use (types.ts Locals): nothing else of the thread's record. */
export type ReclaimLocals = LocalsOf<'index' | 'folio'>;

function giveUp(tx: Tx, t: DraftThread<ReclaimLocals>, why: string): void {
  const f = tx.folio(t.l.folio ?? -1);
  unlockPage(tx, f);
  putbackLru(tx, f);
  t.l.folio = null;
  finish(tx, t, why);
}

const swapSteps: Record<string, StepDef<string, ReclaimLocals>> = {
  isolate: {
    label: 'folio_isolate_lru; folio_trylock',
    text: 'Reclaim picks the page off the LRU (needs PG_lru) and trylocks it; a locked or isolated page is left alone.',
    src: src('shrink_folio_list'),
    run: (tx, t) => {
      const f = slotFolio(tx, t.param);
      if (!f || f.huge || !f.lru || f.locked !== null || !f.uptodate || f.frozenBy !== null) {
        finish(tx, t, 'not reclaimable');
        return;
      }
      setFlag(tx, f, 'lru', false);
      getRef(tx, f, 'isolation');
      lockPage(tx, f);
      t.l.folio = f.id;
      t.pc = isMappedByProcess(tx.w, f) ? 'unmap' : 'remove';
    },
  },
  unmap: {
    label: 'try_to_unmap',
    text: 'Unmap the page from every page table (under the PTL).',
    src: src('try_to_unmap'),
    guard: (w, t) => spinFree(w, 'ptl', t.id),
    run: (tx, t) => {
      acquire(tx, 'ptl');
      unmapFolio(tx, tx.folio(t.l.folio ?? -1));
      release(tx, 'ptl');
      t.pc = 'remove';
    },
  },
  remove: {
    label: '__remove_mapping: freeze 2, store swap entry',
    text: 'Under xa_lock, freeze the count at exactly 2 (cache + isolation) and replace the page by its swap entry; else give up.',
    src: src('__remove_mapping'),
    guard: (w, t) => spinFree(w, 'xa_lock', t.id),
    run: (tx, t) => {
      const f = tx.folio(t.l.folio ?? -1);
      acquire(tx, 'xa_lock');
      if (!tryFreeze(tx, f, 2)) {
        release(tx, 'xa_lock');
        giveUp(tx, t, 'busy (extra references)');
        return;
      }
      setSlot(tx, f.index, { t: 'swap', value: f.data[0] ?? 0 });
      setNrpages(tx, -1);
      release(tx, 'xa_lock');
      setFlag(tx, f, 'mapped', false);
      // The frozen count is simply dropped: the page goes back to the allocator.
      f.frozenBy = null;
      f.holders = [{ kind: 'isolation', thread: t.id }];
      f.refcount = 1;
      tx.ev.push({ type: 'refcount.unfrozen', folio: f.id, by: t.id, to: 1 });
      unlockPage(tx, f);
      putRef(tx, f, 'isolation');
      t.l.folio = null;
      finish(tx, t, 'swapped out');
    },
  },
};

export const swapout: ActorProgram<ReclaimLocals> = {
  kind: 'swapout',
  param: { name: 'index', min: 0, max: (n) => n - 1 },
  cursor: { at: 'param', verb: 'swaps out' },
  steps: swapSteps,
  entry: 'isolate',
  listing: () => ['isolate', 'unmap', 'remove'],
};

export const lruDrain: ActorProgram<ReclaimLocals> = {
  kind: 'lru_drain',
  param: null,
  cursor: { at: 'none', verb: 'drains' },
  steps: {
    drain: {
      label: 'lru_add_drain_all',
      text: "Drain every CPU's lru_add batch: the pages get PG_lru and the batches drop their references.",
      src: src('lru_add_drain_all'),
      run: (tx, t) => {
        drainLru(tx, null);
        finish(tx, t, 'drained');
      },
    },
  },
  entry: 'drain',
  listing: () => ['drain'],
};
