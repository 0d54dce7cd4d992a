// Reading the tree: nodes by id, the fresh lookup (xas_load / xas_descend), and what each index shows.

import type { Entry } from '../types.ts';
import { fault } from '../tx.ts';
import type { XaEntry, XaNode, XaTree } from './types.ts';

export function node(tree: XaTree, id: number): XaNode {
  return tree.nodes[id] ?? fault(`xarray node ${id} does not exist`);
}

/** The node at the head, or null when the head holds an entry or nothing. */
export function headNode(tree: XaTree): XaNode | null {
  return tree.head?.k === 'node' ? node(tree, tree.head.node) : null;
}

/** Indexes one slot of a node covers. */
export const slotSpan = (n: XaNode) => 2 ** n.shift;
/** The slot of node n that covers index i (get_offset). */
export const offsetOf = (tree: XaTree, n: XaNode, i: number) => Math.floor(i / slotSpan(n)) % tree.chunk;

export interface Loaded {
  readonly entry: XaEntry;
  /** The node the entry was read in (null: the head itself), and its slot there. */
  readonly node: number | null;
  readonly offset: number;
}

/**
 * xas_load at index i from the head (lib/xarray.c xas_load, xas_descend): descend through child nodes;
 * a sibling is followed to its canonical slot in the same node. A fresh lookup is always right.
 */
export function freshLoad(tree: XaTree, i: number): Loaded {
  let entry = tree.head;
  let at: number | null = null;
  let offset = 0;
  if (entry?.k !== 'node') return { entry: i === 0 ? entry : null, node: null, offset: 0 };
  if (Math.floor(i / slotSpan(node(tree, entry.node))) >= tree.chunk)
    return { entry: null, node: null, offset };
  while (entry?.k === 'node') {
    const n = node(tree, entry.node);
    at = n.id;
    offset = offsetOf(tree, n, i);
    entry = n.slots[offset] ?? null;
    while (entry?.k === 'sibling') {
      offset = entry.offset;
      entry = n.slots[offset] ?? null;
    }
    if (n.shift === 0) break;
  }
  return { entry, node: at, offset };
}

/** The flat slot view of a tree entry. */
export function flatOf(e: XaEntry): Entry {
  if (e === null) return { t: 'empty' };
  if (e.k === 'folio') return { t: 'folio', folio: e.folio };
  if (e.k === 'value') return { t: 'swap', value: e.value };
  if (e.k === 'retry') return { t: 'retry' };
  return fault(`a ${e.k} entry has no flat view`);
}

/** The tree entry a flat slot stands for. */
export function entryOf(e: Entry): XaEntry {
  if (e.t === 'empty') return null;
  if (e.t === 'folio') return { k: 'folio', folio: e.folio };
  if (e.t === 'swap') return { k: 'value', value: e.value };
  return { k: 'retry' };
}

export function sameFlat(a: Entry, b: Entry): boolean {
  if (a.t !== b.t) return false;
  if (a.t === 'folio' && b.t === 'folio') return a.folio === b.folio;
  if (a.t === 'swap' && b.t === 'swap') return a.value === b.value;
  return true;
}

/** Nodes reachable from the head, depth first in slot order (the canonical order). */
export function reachableNodes(tree: XaTree): XaNode[] {
  const out: XaNode[] = [];
  const visit = (e: XaEntry) => {
    if (e?.k !== 'node') return;
    const n = node(tree, e.node);
    out.push(n);
    for (const s of n.slots) visit(s);
  };
  visit(tree.head);
  return out;
}
