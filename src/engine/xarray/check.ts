// The tree's own invariants, checked after every step of a setup with `|xa` (step.ts): a broken tree is
// a bug of the model, reported as an engine fault naming what is wrong.

import type { World } from '../types.ts';
import { flatOf, freshLoad, node, reachableNodes, sameFlat } from './tree.ts';
import type { XaTree } from './types.ts';
import { XAS_BOUNDS, XAS_RESTART } from './types.ts';

/** What is wrong with the tree of w, or null. */
export function treeProblem(w: World): string | null {
  const tree = w.xa;
  if (!tree) return null;
  const reachable = reachableNodes(tree);
  for (const n of reachable) {
    if (n.freed) return `node ${n.id} is reachable from the head but was freed`;
    if (n.slots.length !== tree.chunk) return `node ${n.id} has ${n.slots.length} slots, not ${tree.chunk}`;
    const bad = parentProblem(tree, n.id);
    if (bad) return bad;
    const multi = multiIndexProblem(tree, n.id);
    if (multi) return multi;
  }
  for (const t of w.threads) {
    const x = t.l.xas;
    if (!x || x.node === XAS_RESTART || x.node === XAS_BOUNDS) continue;
    if (!tree.nodes[x.node])
      return `T${t.id} walks node ${x.node}, which was reclaimed while it could still read it`;
    if (x.offset < 0 || x.offset > tree.chunk) return `T${t.id} is at offset ${x.offset} of node ${x.node}`;
  }
  for (let i = 0; i < w.n; i++) {
    const loaded = freshLoad(tree, i).entry;
    if (loaded !== null && (loaded.k === 'node' || loaded.k === 'sibling'))
      return `a fresh lookup of index ${i} ends at a ${loaded.k} entry`;
    const flat = w.slots[i];
    if (!flat || !sameFlat(flat, flatOf(loaded)))
      return `slot ${i} shows ${flat?.t ?? 'nothing'} but a lookup in the tree finds ${loaded === null ? 'NULL' : loaded.k}`;
  }
  return null;
}

function parentProblem(tree: XaTree, id: number): string | null {
  const n = node(tree, id);
  if (n.parent === null) {
    if (tree.head?.k !== 'node' || tree.head.node !== id)
      return `node ${id} has no parent but is not the head`;
    return null;
  }
  const p = node(tree, n.parent);
  const e = p.slots[n.offset];
  if (e?.k !== 'node' || e.node !== id)
    return `node ${id} says it is slot ${n.offset} of node ${p.id}, which holds something else`;
  if (p.shift !== n.shift + tree.chunkShift)
    return `node ${id} (shift ${n.shift}) under node ${p.id} (shift ${p.shift})`;
  return null;
}

/** Every sibling points back at an earlier canonical slot holding an entry, with only siblings between. */
function multiIndexProblem(tree: XaTree, id: number): string | null {
  const n = node(tree, id);
  for (let o = 0; o < n.slots.length; o++) {
    const e = n.slots[o];
    if (e?.k !== 'sibling') continue;
    if (e.offset >= o) return `slot ${o} of node ${id} is a sibling of slot ${e.offset}, not an earlier one`;
    const c = n.slots[e.offset];
    if (c === null || c === undefined || c.k === 'sibling' || c.k === 'node' || c.k === 'retry')
      return `slot ${o} of node ${id} is a sibling of slot ${e.offset}, which holds ${c?.k ?? 'NULL'}`;
    for (let m = e.offset + 1; m < o; m++) {
      const between = n.slots[m];
      if (between?.k !== 'sibling' || between.offset !== e.offset)
        return `slot ${m} of node ${id} breaks the multi-index entry at slot ${e.offset}`;
    }
  }
  return null;
}
