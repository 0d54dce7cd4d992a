// collapse_file()'s rollback as the kernel orders it (model 2; model 1 keeps the one-step rollback).
// v6.3..p3 (old pages frozen and replaced): drop xa_lock and flush the TLB, retake it to uncharge the
// holes, then restore the pages one by one, dropping xa_lock between them (xas_pause), so a restored,
// unlocked page sits beside slots that still hold the locked, !uptodate huge page. v6.4: xa_lock is
// retaken only to uncharge the holes; the old pages (never replaced) are unlocked and put back outside it.

import { finish, spinFree, took } from '../../program.ts';
import type { CollapseLocals } from './helpers.ts';
import type { Tx } from '../../tx.ts';
import type { CollapseStepId } from './sequence.ts';
import { folioOf, putRef, setFlag, setNrpages, setSlot, unfreeze, unlockPage } from '../../tx.ts';
import { acquire, release } from '../../locks.ts';
import { putbackLru } from '../../lru.ts';
import type { Thread, World } from '../../types.ts';
import { at, flagsOf, holdsXa, type CollapseSteps, type CollapseThread } from './helpers.ts';

/** Model 2 rolls back step by step except on v5 (its frozen-in-place pages keep the one-step rollback). */
export const stepwiseRollback = (w: World) => w.model >= 2 && flagsOf(w).oldPages !== 'freeze-keep';

/** v6.3..p3 replaced the old pages in the cache, so rollback must restore them under xa_lock. */
const restoresSlots = (w: World) => flagsOf(w).oldPages === 'freeze-replace';

/** The first old page still on the pagelist (the list is in index order). */
function nextOld(w: World, t: Thread<CollapseLocals>) {
  const id = t.l.pagelist[0];
  return id === undefined ? null : folioOf(w, id);
}

/** Empties the hpage's hole slots below `below` (the scan stored it there on v6.3..p2). */
function clearHoles(tx: Tx, t: Thread<CollapseLocals>, below: number): void {
  const h = t.l.hpage;
  for (let i = 0; i < below; i++) {
    const e = tx.w.slots[i];
    if (e?.t === 'folio' && e.folio === h) setSlot(tx, i, { t: 'empty' });
  }
}

const afterUncharge = (w: World, t: Thread<CollapseLocals>): CollapseStepId =>
  restoresSlots(w) ? 'rb_restore' : nextOld(w, t) ? 'rb_putback' : 'rb_free_hpage';

export const rollbackSteps2 = {
  rb_lock: {
    label: 'xas_lock_irq; shmem_uncharge(nr_none)',
    labelFor: (f) =>
      f.oldPages === 'freeze-replace'
        ? 'xas_lock_irq; shmem_uncharge(nr_none)'
        : 'xas_lock_irq; shmem_uncharge(nr_none); xas_unlock_irq',
    text: 'Take xa_lock and give back the charge for the holes. v6.4 drops it again at once; v6.3 keeps it to restore the cache.',
    src: at('uncharge'),
    guard: (w, t) => spinFree(w, 'xa_lock', t.id),
    run: (tx, t) => {
      acquire(tx, 'xa_lock');
      if (t.l.nrNone > 0) setNrpages(tx, -t.l.nrNone);
      if (!restoresSlots(tx.w)) release(tx, 'xa_lock');
      t.pc = afterUncharge(tx.w, t);
    },
  },
  rb_restore: {
    label: 'page_ref_unfreeze(page, 2); xas_store(page); xas_pause; xas_unlock_irq',
    text: 'v6.3: empty the holes before the next old page, unfreeze that page and put it back in its slot, then drop xa_lock before unlocking it.',
    src: at('rollback_store'),
    branches: {
      done: { label: 'xas_for_each done: xas_unlock_irq', src: at('rollback_unlock') },
    },
    run: (tx, t) => {
      const p = nextOld(tx.w, t);
      clearHoles(tx, t, p ? p.index : tx.w.n);
      if (!p) {
        took(tx, 'done');
        release(tx, 'xa_lock');
        t.pc = 'rb_free_hpage';
        return;
      }
      const f = tx.folio(p.id);
      if (f.frozenBy !== null) unfreeze(tx, f, ['cache', 'isolation']);
      setSlot(tx, f.index, { t: 'folio', folio: f.id });
      release(tx, 'xa_lock');
      t.pc = 'rb_putback';
    },
  },
  rb_putback: {
    label: 'unlock_page(page); putback_lru_page(page)',
    labelFor: (f) =>
      f.oldPages === 'freeze-replace'
        ? 'unlock_page(page); putback_lru_page(page)'
        : 'unlock_page(page); putback_lru_page(page); put_page(page)',
    text: 'Unlock one old page and put it back on the LRU (v6.4 also drops the reference collapse took). Outside xa_lock.',
    src: at('putback'),
    run: (tx, t) => {
      const p = nextOld(tx.w, t);
      if (!p) {
        t.pc = 'rb_free_hpage';
        return;
      }
      const f = tx.folio(p.id);
      f.collected = false;
      if (!restoresSlots(tx.w)) putRef(tx, f, 'collapse-pin');
      unlockPage(tx, f);
      putbackLru(tx, f);
      t.l.pagelist = t.l.pagelist.slice(1);
      t.pc = restoresSlots(tx.w) ? 'rb_relock' : nextOld(tx.w, t) ? 'rb_putback' : 'rb_free_hpage';
    },
  },
  rb_relock: {
    label: 'xas_lock_irq',
    text: 'v6.3: take xa_lock again for the next slot.',
    src: at('rollback_relock'),
    guard: (w, t) => spinFree(w, 'xa_lock', t.id),
    run: (tx, t) => {
      acquire(tx, 'xa_lock');
      t.pc = 'rb_restore';
    },
  },
  rb_free_hpage: {
    label: 'hpage->mapping = NULL; unlock_page(hpage); put_page(hpage)',
    text: 'Forget the huge page: clear its mapping, unlock it (waiters wake and find it gone) and free it.',
    src: at('free_hpage'),
    run: (tx, t) => {
      freeHpageAndFinish(tx, t, t.l.hpage === null ? null : tx.folio(t.l.hpage));
    },
  },
} satisfies CollapseSteps;

/** The end of every rollback: forget the huge page (mapping cleared, unlocked, freed), then return. */
export function freeHpageAndFinish(tx: Tx, t: CollapseThread, h: ReturnType<Tx['folio']> | null): void {
  if (h) {
    setFlag(tx, h, 'mapped', false);
    if (h.locked === t.id) unlockPage(tx, h);
    putRef(tx, h, 'hpage-alloc');
    t.l.hpage = null;
  }
  finish(tx, t, t.l.scan);
}

/** Model 2's first rollback step: xa_locked / xa_unlocked (drop xa_lock if held, flush the TLB). */
export function startRollback(tx: Tx, t: CollapseThread): void {
  // The re-validation of the holes fails after the flush and jumps straight to rollback:.
  const afterCopy = t.l.scan === 'SCAN_PAGE_FILLED' || t.l.scan === 'SCAN_EXCEED_NONE_PTE';
  took(tx, afterCopy ? 'after_copy' : holdsXa(tx.w, t) ? 'xa_locked' : 'xa_unlocked');
  if (holdsXa(tx.w, t)) release(tx, 'xa_lock');
  const needsLock = t.l.nrNone > 0 || restoresSlots(tx.w);
  t.pc = needsLock ? 'rb_lock' : nextOld(tx.w, t) ? 'rb_putback' : 'rb_free_hpage';
}
