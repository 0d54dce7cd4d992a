// The xarray of a `|xa` world in the state encoding: nodes renumbered canonically (depth first from the
// head, then the freed nodes walkers still hold, in thread order), so equal trees encode equally whatever
// their arena ids; each walker's xa_state as a node number and an offset;
// punch/truncate's folio batch. Worlds without `|xa` add nothing.

import type { World, XaEntry, XaNode } from '../../engine/index.ts';
import { rolesOf } from '../../engine/index.ts';

export function encodeTree(
  w: World,
  put: (v: number) => void,
  canonFolio: (id: number | null) => number,
): void {
  const tree = w.xa;
  if (!tree) return;
  const order: XaNode[] = [];
  const index = new Map<number, number>();
  const see = (id: number) => {
    const n = tree.nodes[id];
    if (!n || index.has(id)) return;
    index.set(id, order.length);
    order.push(n);
    for (const e of n.slots) if (e?.k === 'node') see(e.node);
    if (n.parent !== null) see(n.parent);
  };
  if (tree.head?.k === 'node') see(tree.head.node);
  for (const t of w.threads) if (t.l.xas && t.l.xas.node >= 0) see(t.l.xas.node);
  const canonNode = (id: number | null) => (id === null ? 0 : (index.get(id) ?? -1) + 1);
  const entry = (e: XaEntry) => {
    if (e === null) put(0);
    else if (e.k === 'folio') put(1 + 6 * canonFolio(e.folio));
    else if (e.k === 'value') put(2 + 6 * e.value);
    else if (e.k === 'sibling') put(3 + 6 * e.offset);
    else if (e.k === 'retry') put(4);
    else put(5 + 6 * canonNode(e.node));
  };
  put(tree.chunk);
  entry(tree.head);
  put(order.length);
  for (const n of order) {
    put(canonNode(n.parent));
    put(n.offset);
    put(n.shift);
    put(n.freed ? 1 : 0);
    for (const e of n.slots) entry(e);
  }
  for (const t of w.threads) {
    const x = t.l.xas;
    if (!x) {
      put(0);
      continue;
    }
    put(x.node < 0 ? -x.node : 2 + canonNode(x.node));
    put(x.offset);
    // A walker's candidate is a folio; the collapse's is the old node it is about to free.
    if (rolesOf(t).collapser) put(canonNode(x.cand >= 0 && tree.nodes[x.cand] ? x.cand : null));
    else put(canonFolio(x.cand >= 0 && w.folios[x.cand] ? x.cand : null));
    put(canonFolio(x.returned >= 0 && w.folios[x.returned] ? x.returned : null));
  }
  // Punch/truncate's folio batch and cursor (actors/undoWalk.ts): folios by their canonical number.
  for (const t of w.threads) {
    const b = t.l.undo;
    if (!b) {
      put(0);
      continue;
    }
    put(1 + b.entries.length);
    put(b.start);
    put(b.cursor);
    for (const e of b.entries) {
      put(e.index);
      put(canonFolio(e.folio >= 0 ? e.folio : null));
      put(e.value);
    }
  }
}
