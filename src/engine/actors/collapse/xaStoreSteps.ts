// `|xa` only: collapse_file's final multi-index store as the kernel makes it (khugepaged.c 2184-2185,
// 6.12.117; lib/xarray.c xas_store 818-843): under xa_lock, slot k of the entry's node is published, then
// the old subtree it replaced gets retry entries and is queued for freeing, for k = 0 .. K-1. Lockless
// readers see every one of these writes; the flat slots of slot k's range show the huge page from its
// publication on (a fresh lookup finds it there). Loaded with the rest of the tree's code (tree.ts);
// the flat store steps start it (helpers.ts beginTreeStore).

import { src } from '../../sources.ts';
import type { Tx } from '../../tx.ts';
import { fault, setSlot } from '../../tx.ts';
import { release } from '../../locks.ts';
import { freeNodes, hugePlace } from '../../xarray/store.ts';
import { publishHugeSlot } from '../../xarray/multiStore.ts';
import { advance, flagsOf, hpageOf, type CollapseSteps, type CollapseThread } from './helpers.ts';
import { finalStore, nextStep } from './sequence.ts';

function nextSlot(tx: Tx, t: CollapseThread): void {
  const tree = tx.w.xa ?? fault('no xarray');
  const k = t.l.index + 1;
  if (k < hugePlace(tree, Math.log2(tx.w.n)).slots) {
    t.l.index = k;
    t.pc = 'xa_store_slot';
  } else t.pc = 'xa_store_unlock';
}

export const xaStoreSteps = {
  xa_store_slot: {
    label: 'xas_store: publish slot k',
    text: 'Publish the next slot of the multi-index entry: the huge page in its first slot, a sibling entry pointing back at it in each later one. Lockless readers see this write alone.',
    src: src('xas_store:publish'),
    run: (tx, t) => {
      const tree = tx.w.xa ?? fault('no xarray');
      const h = hpageOf(tx, t);
      const k = t.l.index;
      const p = publishHugeSlot(tree, Math.log2(tx.w.n), h.id, k);
      tx.w.xa = p.tree;
      for (let i = p.from; i < Math.min(p.to, tx.w.n); i++) {
        const e = tx.w.slots[i];
        if (!(e?.t === 'folio' && e.folio === h.id)) setSlot(tx, i, { t: 'folio', folio: h.id });
      }
      if (p.old?.k === 'node') {
        t.l.xas = { node: p.node, offset: k, cand: p.old.node, returned: -1 };
        t.pc = 'xa_free_nodes';
      } else nextSlot(tx, t);
    },
  },
  xa_free_nodes: {
    label: 'xas_free_nodes: retry entries into old leaf k',
    text: 'The node slot k pointed to is freed: every used slot in it (and below it) gets the retry entry, and it waits for an RCU grace period. A reader still in it can read it, with its parent and offset.',
    src: src('xas_free_nodes:retry'),
    run: (tx, t) => {
      const tree = tx.w.xa ?? fault('no xarray');
      const old = t.l.xas?.cand ?? fault('no old node to free');
      tx.w.xa = freeNodes(tree, old);
      delete t.l.xas;
      nextSlot(tx, t);
    },
  },
  xa_store_unlock: {
    label: 'xas_unlock_irq',
    text: 'The multi-index entry is complete: drop xa_lock.',
    src: src('collapse_file:xa_store_unlock'),
    run: (tx, t) => {
      release(tx, 'xa_lock');
      // Go on as the flat store step would have: v6.3's copy loop starts again at index 0.
      const store = finalStore(flagsOf(tx.w));
      if (nextStep(flagsOf(tx.w), store) === 'copy_one') t.l.index = 0;
      advance(tx, t, store);
    },
  },
} satisfies CollapseSteps;
