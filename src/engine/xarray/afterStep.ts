// The one hook step() calls when a setup has `|xa`: stores made by writers that change only the flat view
// are carried into the tree, nodes no reader can reach are reclaimed, and the tree's invariants checked.

import type { Tx } from '../tx.ts';
import { fault } from '../tx.ts';
import { rolesOf } from '../roles.ts';
import { treeProblem } from './check.ts';
import { collectFreed, storeFlat } from './store.ts';
import { flatOf, freshLoad, sameFlat } from './tree.ts';
import { XAS_BOUNDS, XAS_RESTART } from './types.ts';

export function afterStepTree(tx: Tx): void {
  const w = tx.w;
  const events = tx.ev;
  let tree = w.xa;
  if (!tree) return;
  for (const ev of events) {
    if (ev.type !== 'slot.replaced') continue;
    const flat = w.slots[ev.index];
    if (flat && !sameFlat(flat, flatOf(freshLoad(tree, ev.index).entry)))
      tree = storeFlat(tree, ev.index, w.slots);
  }
  const walkers: number[] = [];
  for (const t of w.threads) {
    const x = t.l.xas;
    if (x && x.node !== XAS_RESTART && x.node !== XAS_BOUNDS) walkers.push(x.node);
    if (x && rolesOf(t).collapser && x.cand >= 0) walkers.push(x.cand); // the old node it frees next
  }
  w.xa = collectFreed(tree, walkers);
  const problem = treeProblem(w);
  if (problem) fault(`xarray: ${problem}`);
}
