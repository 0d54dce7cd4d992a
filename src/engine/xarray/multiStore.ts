// collapse_file's final store of the huge page as a multi-index entry (xas_set_order + xas_store,
// lib/xarray.c 818-843): slot k of the entry's node is published (the folio at k = 0, a sibling pointing
// at slot 0 after), then the old subtree it replaced is freed (retry entries). Readers see each write.

import { fault } from '../tx.ts';
import { collectFreed, createForHuge, freeNodes, hugePlace, writeSlot } from './store.ts';
import { headNode, node } from './tree.ts';
import type { XaEntry, XaNode, XaTree } from './types.ts';

/** The node holding (or about to hold) the multi-index entry of 2^order indexes at index 0. */
export function hugeNode(tree: XaTree, order: number): XaNode {
  const { shift } = hugePlace(tree, order);
  let n = headNode(tree) ?? fault('the xarray head is not a node');
  while (n.shift > shift) {
    const e = n.slots[0];
    if (e?.k !== 'node') fault(`no node of shift ${shift} on index 0's path`);
    n = node(tree, e.node);
  }
  return n;
}

export interface Published {
  readonly tree: XaTree;
  /** What slot k held before (a node is freed next). */
  readonly old: XaEntry;
  /** The node and the index range [from, to) that slot k covers. */
  readonly node: number;
  readonly from: number;
  readonly to: number;
}

/** Publishes slot k of the multi-index entry (k = 0 first runs xas_create: expand and descend). */
export function publishHugeSlot(tree: XaTree, order: number, folio: number, k: number): Published {
  const t0 = k === 0 ? createForHuge(tree, order)[0] : tree;
  const n = hugeNode(t0, order);
  const old = n.slots[k] ?? null;
  const entry: XaEntry = k === 0 ? { k: 'folio', folio } : { k: 'sibling', offset: 0 };
  const span = 2 ** n.shift;
  return { tree: writeSlot(t0, n.id, k, entry), old, node: n.id, from: k * span, to: (k + 1) * span };
}

/** The whole store at once, for a setup that starts with the huge page in the cache (`H`). */
export function storeHugeAtOnce(tree: XaTree, order: number, folio: number): XaTree {
  let t = tree;
  for (let k = 0; k < hugePlace(t, order).slots; k++) {
    const p = publishHugeSlot(t, order, folio, k);
    t = p.old?.k === 'node' ? freeNodes(p.tree, p.old.node) : p.tree;
  }
  return collectFreed(t, []);
}
