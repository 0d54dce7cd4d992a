// A fresh lookup (filemap_get_entry: xas_load, lib/xarray.c 236-250 with xas_descend 210-215) one step per
// level of the tree, for mincore's and read's lookups on model 3 with `|xa`: the top node's slot, then the
// leaf's. A sibling is followed to its canonical slot in the node where it is read (xas_descend's loop); a
// retry entry read in a freed node sends the lookup back to the head (xas_retry, xas_reset); the reload
// re-reads the slot in the node the lookup stopped in (xas_reload). Position: t.l.xas, index t.l.index.

import type { DraftFolio, DraftThread, Tx } from '../tx.ts';
import { folioOf, getRef, putRef } from '../tx.ts';
import type { Block, LocalsOf, Thread, World } from '../types.ts';
import { node, offsetOf } from './tree.ts';
import type { XaEntry, XasPos, XaTree } from './types.ts';
import { XAS_BOUNDS, XAS_RESTART } from './types.ts';

export type DescendLocals = LocalsOf<'index' | 'folio' | 'xas'>;

/** Whether this world's fresh lookups descend the tree level by level (model 3 on, `|xa` setups). */
export const descends = (w: World): boolean => w.xa !== undefined && w.model >= 3;

/** What one level's read gives: a child node to descend into, or the entry the lookup ends on. */
export type LevelRead =
  | { readonly t: 'node'; readonly node: number }
  | { readonly t: 'entry'; readonly entry: XaEntry; readonly node: number; readonly offset: number };

const tree = (w: World): XaTree => w.xa ?? { chunk: 1, chunkShift: 0, head: null, nodes: {}, nextNode: 0 };

/** The node this level reads: the head's (a fresh start) or the child the last level descended to. */
function levelNode(w: World, t: Thread<DescendLocals>, fresh: boolean): number | null {
  const x = t.l.xas;
  if (!fresh && x && x.node >= 0) return x.node;
  const h = tree(w).head;
  return h?.k === 'node' ? h.node : null;
}

/** The read this thread's next level makes at t.l.index. */
export function readLevel(w: World, t: Thread<DescendLocals>, fresh: boolean): LevelRead {
  const tr = tree(w);
  const id = levelNode(w, t, fresh);
  const i = t.l.index;
  // A head that is an entry: only index 0 can find it (xas_load's !xa_is_node path).
  if (id === null) return { t: 'entry', entry: i === 0 ? tr.head : null, node: XAS_BOUNDS, offset: 0 };
  const n = node(tr, id);
  if (n.parent === null && Math.floor(i / 2 ** n.shift) >= tr.chunk)
    return { t: 'entry', entry: null, node: XAS_BOUNDS, offset: 0 };
  let offset = offsetOf(tr, n, i);
  let e = n.slots[offset] ?? null;
  while (e?.k === 'sibling') {
    offset = e.offset;
    e = n.slots[offset] ?? null;
  }
  if (e?.k === 'node' && n.shift > 0) return { t: 'node', node: e.node };
  return { t: 'entry', entry: e, node: n.id, offset };
}

/** Why this level's read cannot finish now: a retry entry in a live node, or a frozen folio to try_get. */
export function levelSpin(w: World, t: Thread<DescendLocals>, fresh: boolean): Block | null {
  const r = readLevel(w, t, fresh);
  if (r.t !== 'entry') return null;
  const e = r.entry;
  if (e?.k === 'retry') {
    const n = r.node >= 0 ? tree(w).nodes[r.node] : undefined;
    return n?.freed ? null : { kind: 'retry-entry', index: t.l.index, owner: w.locks.xa ?? -1 };
  }
  if (e?.k === 'folio') {
    const f = folioOf(w, e.folio);
    if (f.frozenBy !== null) return { kind: 'frozen', folio: f.id, index: t.l.index, owner: f.frozenBy };
  }
  return null;
}

const atLevel = (node: number, offset: number): XasPos => ({ node, offset, cand: -1, returned: -1 });

/** What the lookup found: nothing, a value (swap) entry, or a folio it holds a lookup reference on. */
export type Descended =
  | { readonly t: 'empty' }
  | { readonly t: 'swap'; readonly value: number }
  | { readonly t: 'folio'; readonly folio: DraftFolio };

/** The step ids of one lookup: the head's level, each level below, the reload. */
export interface DescendIds {
  readonly top: string;
  readonly down: string;
  readonly reload: string;
}

/**
 * One level's read as a step: descend into a child (the next step reads it), restart after a retry entry
 * in a freed node, or end on an entry: a folio is try_get'd here (the flat lookup's get) and reloaded next.
 */
export function levelStep<L extends DescendLocals>(
  tx: Tx,
  t: DraftThread<L>,
  fresh: boolean,
  ids: DescendIds,
  found: (tx: Tx, t: DraftThread<L>, r: Descended) => void,
): void {
  const r = readLevel(tx.w, t, fresh);
  if (r.t === 'node') {
    t.l.xas = atLevel(r.node, 0);
    t.pc = ids.down;
    return;
  }
  const e = r.entry;
  if (e?.k === 'retry') {
    t.l.xas = atLevel(XAS_RESTART, 0); // xas_retry: xas_reset, and look again from the head
    t.pc = ids.top;
    return;
  }
  if (e?.k === 'folio') {
    getRef(tx, tx.folio(e.folio), 'lookup');
    t.l.folio = e.folio;
    t.l.xas = atLevel(r.node, r.offset);
    t.pc = ids.reload;
    return;
  }
  delete t.l.xas;
  if (e?.k === 'value') found(tx, t, { t: 'swap', value: e.value });
  else found(tx, t, { t: 'empty' });
}

/** xas_reload as a step: the same folio still there goes to the caller; otherwise drop it, look again. */
export function reloadStep<L extends DescendLocals>(
  tx: Tx,
  t: DraftThread<L>,
  ids: DescendIds,
  found: (tx: Tx, t: DraftThread<L>, r: Descended) => void,
): void {
  const id = t.l.folio ?? -1;
  const f = tx.folio(id);
  const still = reloadFolio(tx.w, t) === id;
  delete t.l.xas;
  if (still) return found(tx, t, { t: 'folio', folio: f });
  putRef(tx, f, 'lookup');
  t.l.folio = null;
  t.pc = ids.top;
}

/** xas_reload: the folio the lookup's node holds at the index's slot (a sibling followed), or null. */
function reloadFolio(w: World, t: Thread<DescendLocals>): number | null {
  const x = t.l.xas;
  const tr = tree(w);
  let e: XaEntry;
  if (!x || x.node < 0) e = t.l.index === 0 ? tr.head : null;
  else {
    const n = node(tr, x.node);
    e = n.slots[offsetOf(tr, n, t.l.index)] ?? null;
    if (e?.k === 'sibling') e = n.slots[e.offset] ?? null;
  }
  return e?.k === 'folio' ? e.folio : null;
}
