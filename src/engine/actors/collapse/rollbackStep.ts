// collapse_file()'s rollback: put every old page back and free the huge page.

import { spinFree } from '../../program.ts';
import { putRef, setNrpages, setSlot, unfreeze, unlockPage } from '../../tx.ts';
import { acquire, release } from '../../locks.ts';
import { putbackLru } from '../../lru.ts';
import { at, holdsXa, hpageOf, type CollapseSteps } from './helpers.ts';
import { freeHpageAndFinish, startRollback, stepwiseRollback } from './rollbackSteps2.ts';

export const rollbackSteps = {
  rollback: {
    label: 'rollback',
    text: 'Undo: uncharge the holes, put every old page back (unfreeze it, restore its slot, empty the holes the scan filled), unlock them, free the huge page.',
    src: at('rollback'),
    branches: {
      xa_locked: { label: 'xa_locked: xas_unlock_irq; try_to_unmap_flush', src: at('xa_locked') },
      xa_unlocked: { label: 'xa_unlocked: try_to_unmap_flush', src: at('unmap_flush') },
      after_copy: { label: 'rollback:' },
    },
    guard: (w, t) => (holdsXa(w, t) || stepwiseRollback(w) ? null : spinFree(w, 'xa_lock', t.id)),
    run: (tx, t) => {
      if (stepwiseRollback(tx.w)) return startRollback(tx, t);
      const w = tx.w;
      if (!holdsXa(w, t)) acquire(tx, 'xa_lock');
      if (t.l.nrNone > 0) setNrpages(tx, -t.l.nrNone);
      const h = t.l.hpage === null ? null : hpageOf(tx, t);
      if (h) {
        const owned = new Set(t.l.pagelist.map((id) => tx.folio(id).index));
        w.slots.forEach((e, i) => {
          if (e.t === 'folio' && e.folio === h.id && !owned.has(i)) setSlot(tx, i, { t: 'empty' });
        });
      }
      for (const id of t.l.pagelist) {
        const p = tx.folio(id);
        p.collected = false;
        if (p.frozenBy !== null) unfreeze(tx, p, ['cache', 'isolation']);
        else putRef(tx, p, 'collapse-pin');
        const e = w.slots[p.index];
        if (!(e?.t === 'folio' && e.folio === p.id)) setSlot(tx, p.index, { t: 'folio', folio: p.id });
        unlockPage(tx, p);
        putbackLru(tx, p);
      }
      t.l.pagelist = [];
      release(tx, 'xa_lock');
      freeHpageAndFinish(tx, t, h);
    },
  },
} satisfies CollapseSteps;
