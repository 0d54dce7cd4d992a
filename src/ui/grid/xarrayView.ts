// What the tree drawing shows, computed from the world alone (pure, tested): one box per node, placed by
// the index range it covers (so it spans the slots beneath it), each slot's glyph, the freed nodes a
// walker still reads, and each thread's xa_state as a marker (a pending climb as an arrow to the parent).

import type { World, XaEntry, XaNode } from '../../engine/core.ts';

export interface SlotGlyph {
  /** Short text drawn in the cell and its kind, for styles and tests. */
  readonly text: string;
  readonly kind: 'null' | 'folio' | 'value' | 'sibling' | 'retry' | 'node';
  readonly title: string;
}
export interface NodeBox {
  readonly id: number;
  /** Row: 0 for the head's level, one more per level down. */
  readonly row: number;
  /** Index range covered, clamped to the file: [from, to). */
  readonly from: number;
  readonly to: number;
  readonly shift: number;
  readonly freed: boolean;
  readonly slots: readonly SlotGlyph[];
}
export interface WalkerMark {
  readonly thread: number;
  readonly node: number;
  /** The slot the walker reads next; `chunk` means it is at the node's end and climbs next. */
  readonly offset: number;
  readonly climbsTo: { readonly node: number; readonly offset: number } | null;
}
export interface TreeView {
  readonly chunk: number;
  readonly n: number;
  readonly rows: number;
  readonly nodes: readonly NodeBox[];
  readonly walkers: readonly WalkerMark[];
}

function glyph(e: XaEntry): SlotGlyph {
  if (e === null) return { text: '', kind: 'null', title: 'NULL' };
  if (e.k === 'folio') return { text: `f${e.folio}`, kind: 'folio', title: `folio ${e.folio}` };
  if (e.k === 'value') return { text: 'sw', kind: 'value', title: `swap entry ${e.value}` };
  if (e.k === 'sibling')
    return { text: `↩${e.offset}`, kind: 'sibling', title: `sibling of slot ${e.offset}` };
  if (e.k === 'retry') return { text: 'R', kind: 'retry', title: 'retry entry' };
  return { text: '▾', kind: 'node', title: `node ${e.node}` };
}

/** The first index node n covers, from its chain of parents. */
function baseOf(w: World, n: XaNode): number {
  const tree = w.xa;
  let base = 0;
  let cur: XaNode | undefined = n;
  while (cur && tree) {
    base += cur.parent === null ? 0 : cur.offset * 2 ** (cur.shift + tree.chunkShift);
    cur = cur.parent === null ? undefined : tree.nodes[cur.parent];
  }
  return base;
}

export function treeView(w: World): TreeView | null {
  const tree = w.xa;
  if (!tree) return null;
  const all = Object.values(tree.nodes);
  const top = Math.max(...all.map((n) => n.shift));
  const nodes = all.map((n): NodeBox => {
    const from = baseOf(w, n);
    return {
      id: n.id,
      row: (top - n.shift) / tree.chunkShift,
      from,
      to: Math.min(w.n, from + tree.chunk * 2 ** n.shift),
      shift: n.shift,
      freed: n.freed,
      slots: n.slots.map(glyph),
    };
  });
  const walkers: WalkerMark[] = [];
  for (const t of w.threads) {
    const x = t.l.xas;
    if (!x || x.node < 0) continue;
    const n = tree.nodes[x.node];
    if (!n) continue;
    const climbsTo =
      x.offset === tree.chunk && n.parent !== null ? { node: n.parent, offset: n.offset + 1 } : null;
    walkers.push({ thread: t.id, node: x.node, offset: x.offset, climbsTo });
  }
  return { chunk: tree.chunk, n: w.n, rows: Math.max(0, ...nodes.map((b) => b.row)) + 1, nodes, walkers };
}
