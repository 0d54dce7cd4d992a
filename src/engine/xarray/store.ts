// Writing the tree as the kernel does, one published slot at a time (lib/xarray.c xas_store, xas_create,
// xas_expand, xas_free_nodes, update_node). Every function returns a new tree; nothing is mutated.

import type { Entry } from '../types.ts';
import { fault } from '../tx.ts';
import { entryOf, headNode, node, offsetOf, slotSpan } from './tree.ts';
import type { XaEntry, XaNode, XaTree } from './types.ts';

function putNode(tree: XaTree, n: XaNode): XaTree {
  return { ...tree, nodes: { ...tree.nodes, [n.id]: n } };
}

function allocNode(tree: XaTree, parent: number | null, offset: number, shift: number): [XaTree, XaNode] {
  const n: XaNode = {
    id: tree.nextNode,
    parent,
    offset,
    shift,
    slots: Array<XaEntry>(tree.chunk).fill(null),
    freed: false,
  };
  return [putNode({ ...tree, nextNode: tree.nextNode + 1 }, n), n];
}

/** rcu_assign_pointer(node->slots[offset], entry): one published slot. */
export function writeSlot(tree: XaTree, id: number, offset: number, e: XaEntry): XaTree {
  const n = node(tree, id);
  const slots = [...n.slots];
  slots[offset] = e;
  return putNode(tree, { ...n, slots });
}

/**
 * The entry for one slot covering [base, base + 2^slotShift) built from the flat view: a leaf entry, or
 * a new child node (initialised before it is published, as xas_create does), or NULL for a range of holes.
 */
function subtreeFor(
  tree: XaTree,
  parent: number,
  offset: number,
  slotShift: number,
  base: number,
  flat: readonly Entry[],
): [XaTree, XaEntry] {
  if (slotShift === 0) return [tree, base < flat.length ? entryOf(flat[base] ?? { t: 'empty' }) : null];
  const span = 2 ** slotShift;
  let used = false;
  for (let i = base; i < Math.min(base + span, flat.length); i++) if (flat[i]?.t !== 'empty') used = true;
  if (!used) return [tree, null];
  const [allocated, child] = allocNode(tree, parent, offset, slotShift - tree.chunkShift);
  let t = allocated;
  for (let o = 0; o < t.chunk; o++) {
    let e: XaEntry;
    [t, e] = subtreeFor(t, child.id, o, child.shift, base + o * slotSpan(child), flat);
    if (e !== null) t = writeSlot(t, child.id, o, e);
  }
  return [t, { k: 'node', node: child.id }];
}

/** The shift of the head node for a file of n pages: the least that covers index n - 1. */
export function headShiftFor(n: number, chunk: number, chunkShift: number): number {
  let shift = 0;
  while (chunk * 2 ** shift < n) shift += chunkShift;
  return shift;
}

/**
 * The tree of a file whose pages are `flat`. The head is always a node, of the height that covers the
 * file (a simplification: the kernel grows the head as indexes are stored and shrinks it on deletes).
 */
export function buildTree(flat: readonly Entry[], chunk: number): XaTree {
  const chunkShift = Math.log2(chunk);
  const empty: XaTree = { chunk, chunkShift, head: null, nodes: {}, nextNode: 0 };
  const [allocated, head] = allocNode(empty, null, 0, headShiftFor(flat.length, chunk, chunkShift));
  let t: XaTree = { ...allocated, head: { k: 'node', node: head.id } };
  for (let o = 0; o < chunk; o++) {
    let e: XaEntry;
    [t, e] = subtreeFor(t, head.id, o, head.shift, o * slotSpan(head), flat);
    if (e !== null) t = writeSlot(t, head.id, o, e);
  }
  return t;
}

/** Deletes nodes left with no entries, bottom up (update_node -> xas_delete_node); the head stays. */
function pruneEmpty(tree: XaTree, id: number): XaTree {
  let t = tree;
  let n = node(t, id);
  while (n.parent !== null && n.slots.every((e) => e === null)) {
    const parent = n.parent;
    t = putNode(t, { ...n, freed: true });
    t = writeSlot(t, parent, n.offset, null);
    n = node(t, parent);
  }
  return t;
}

/**
 * A store of the flat view at index i by a writer the tree does not model slot by slot (a fault, write,
 * fallocate, swap, punch or truncate): a leaf slot is written; a store into a missing leaf creates it; a
 * store into a multi-index entry splits it (its slots rebuilt from the flat view, as xas_split does); a
 * leaf left empty is deleted. Each of these is one published change the kernel makes under xa_lock.
 */
export function storeFlat(tree: XaTree, i: number, flat: readonly Entry[]): XaTree {
  let n = headNode(tree) ?? fault('the xarray head is not a node');
  let t = tree;
  for (;;) {
    const off = offsetOf(t, n, i);
    const e = n.slots[off] ?? null;
    const canonical = e?.k === 'sibling' ? e.offset : off;
    const group = [canonical];
    while (n.slots[group.length + canonical]?.k === 'sibling') group.push(canonical + group.length);
    if (e?.k === 'node') {
      n = node(t, e.node);
      continue;
    }
    if (n.shift === 0 && group.length === 1) {
      t = writeSlot(t, n.id, off, entryOf(flat[i] ?? { t: 'empty' }));
      return pruneEmpty(t, n.id);
    }
    for (const o of group) {
      let sub: XaEntry;
      [t, sub] = subtreeFor(t, n.id, o, n.shift, i - (i % (slotSpan(n) * t.chunk)) + o * slotSpan(n), flat);
      t = writeSlot(t, n.id, o, sub);
    }
    return pruneEmpty(t, n.id);
  }
}

/** Where a multi-index entry of 2^order indexes at index 0 lives: the node shift and K slots (§6). */
export function hugePlace(tree: XaTree, order: number): { readonly shift: number; readonly slots: number } {
  const shift = tree.chunkShift * Math.floor(order / tree.chunkShift);
  return { shift, slots: 2 ** (order - shift) };
}

/**
 * xas_create for the multi-index store at index 0 (xas_expand, then descend creating nodes): grow the
 * head while it cannot hold index 2^order (xas_max rounds a store that would fill the whole head up by
 * one), then find or create the node of the entry's shift on index 0's path. Returns that node's id.
 */
export function createForHuge(tree: XaTree, order: number): [XaTree, number] {
  const { shift } = hugePlace(tree, order);
  let t = tree;
  let head = headNode(t) ?? fault('the xarray head is not a node');
  while (t.chunk * slotSpan(head) <= 2 ** order) {
    let top: XaNode;
    [t, top] = allocNode(t, null, 0, head.shift + t.chunkShift);
    t = writeSlot(t, top.id, 0, { k: 'node', node: head.id });
    t = putNode(t, { ...node(t, head.id), parent: top.id, offset: 0 });
    t = { ...t, head: { k: 'node', node: top.id } };
    head = node(t, top.id);
  }
  let n = head;
  while (n.shift > shift) {
    const e = n.slots[0] ?? null;
    if (e?.k === 'node') {
      n = node(t, e.node);
      continue;
    }
    if (e !== null) fault(`xas_create met a ${e.k} entry above the huge page`);
    let child: XaNode;
    [t, child] = allocNode(t, n.id, 0, n.shift - t.chunkShift);
    t = writeSlot(t, n.id, 0, { k: 'node', node: child.id });
    n = child;
  }
  return [t, n.id];
}

/**
 * xas_free_nodes: every used slot of the subtree at `top` gets XA_RETRY_ENTRY (child pointers are
 * followed, not overwritten) and each node is queued for freeing; parent and offset stay readable.
 */
export function freeNodes(tree: XaTree, top: number): XaTree {
  let t = tree;
  const visit = (id: number) => {
    const n = node(t, id);
    const slots = n.slots.map((e): XaEntry => (e === null || e.k === 'node' ? e : { k: 'retry' }));
    t = putNode(t, { ...n, slots, freed: true });
    for (const e of n.slots) if (e?.k === 'node' && n.shift > 0) visit(e.node);
  };
  visit(top);
  return t;
}

/**
 * Drops freed nodes no walker can reach any more (the RCU grace period ended): a node stays while it is
 * reachable from the head or linked (by parent or child pointers) to a node a walker is at.
 */
export function collectFreed(tree: XaTree, walkers: readonly number[]): XaTree {
  const keep = new Set<number>();
  const mark = (id: number, viaParent: boolean) => {
    if (keep.has(id) || !tree.nodes[id]) return;
    keep.add(id);
    const n = node(tree, id);
    for (const e of n.slots) if (e?.k === 'node') mark(e.node, false);
    if (viaParent && n.parent !== null) mark(n.parent, true);
  };
  if (tree.head?.k === 'node') mark(tree.head.node, false);
  for (const id of walkers) mark(id, true);
  const ids = Object.keys(tree.nodes).map(Number);
  if (ids.every((id) => keep.has(id))) return tree;
  const nodes: Record<number, XaNode> = {};
  for (const id of ids) if (keep.has(id)) nodes[id] = node(tree, id);
  return { ...tree, nodes };
}
