// The tree in the state encoding: canonical (arena ids do not matter), and every walker position counts.
import { describe, expect, it } from 'vitest';
import type { World, XaNode, XaTree } from '../../engine/index.ts';
import { createWorld, parseSetup } from '../../engine/index.ts';
import { WorldEncoder } from './encode.ts';

function world(slots: string): World {
  const p = parseSetup('v6.12', slots, 'seek_hole:0');
  if (!p.ok) throw new Error(p.error.message);
  return createWorld(p.value);
}
const bytes = (w: World) => {
  const e = new WorldEncoder();
  const n = e.encode(w, 0);
  return [...e.bytes.slice(0, n)];
};

/** The same tree with every node id shifted by 100 (as another allocation order would give). */
function renumbered(t: XaTree): XaTree {
  const id = (x: number) => x + 100;
  const nodes: Record<number, XaNode> = {};
  for (const n of Object.values(t.nodes))
    nodes[id(n.id)] = {
      ...n,
      id: id(n.id),
      parent: n.parent === null ? null : id(n.parent),
      slots: n.slots.map((e) => (e?.k === 'node' ? { k: 'node', node: id(e.node) } : e)),
    };
  const head = t.head?.k === 'node' ? { k: 'node' as const, node: id(t.head.node) } : t.head;
  return { ...t, head, nodes, nextNode: t.nextNode + 100 };
}

describe('encodeTree', () => {
  it('equal trees encode equally whatever their node ids', () => {
    const w = world('PPPPPPPP|xa=4');
    expect(bytes({ ...w, xa: renumbered(w.xa as XaTree) })).toEqual(bytes(w));
  });
  it('the tree, its chunk size and a walker position all change the encoding', () => {
    const w = world('PPPPPPPP|xa=4');
    const flat = world('PPPPPPPP');
    expect(bytes(w)).not.toEqual(bytes(flat));
    expect(bytes(world('PPPPPPPP|xa=2'))).not.toEqual(bytes(w));
    const t = w.threads[0];
    if (!t) throw new Error('no T0');
    const at = (offset: number): World => ({
      ...w,
      threads: [{ ...t, l: { ...t.l, xas: { node: 0, offset, cand: -1, returned: -1 } } }],
    });
    expect(bytes(at(1))).not.toEqual(bytes(at(2)));
  });
});
