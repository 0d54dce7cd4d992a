// The tree's shape (shared/domain/xarray.md §6), the fresh lookup, the writers' changes, and the tree
// invariants that step() checks after every step of a `|xa` setup.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { worldOf } from '../testkit.ts';
import { runnableThreads } from '../status.ts';
import { step } from '../step.ts';
import type { Entry, World } from '../types.ts';
import { treeProblem } from './check.ts';
import { storeHugeAtOnce } from './multiStore.ts';
import { buildTree, freeNodes, hugePlace, storeFlat } from './store.ts';
import { freshLoad, headNode, node, reachableNodes } from './tree.ts';
import type { XaTree } from './types.ts';

const pages = (n: number): Entry[] => Array.from({ length: n }, (_, i) => ({ t: 'folio', folio: i }));
const kinds = (t: XaTree, id: number) => node(t, id).slots.map((e) => (e === null ? '-' : e.k));

describe('the shape of the tree', () => {
  it('8 pages, C = 4: an upper node over two leaves, each knowing its parent and offset', () => {
    const t = buildTree(pages(8), 4);
    const head = headNode(t);
    expect(head?.shift).toBe(2);
    expect(kinds(t, head?.id ?? -1)).toEqual(['node', 'node', '-', '-']);
    const leaves = reachableNodes(t).filter((n) => n.shift === 0);
    expect(leaves.map((n) => [n.parent, n.offset])).toEqual([
      [head?.id, 0],
      [head?.id, 1],
    ]);
  });

  it('a leaf of holes is not allocated; a swap entry is a value entry', () => {
    const flat: Entry[] = [{ t: 'empty' }, { t: 'empty' }, { t: 'swap', value: 9 }, { t: 'empty' }];
    const t = buildTree(flat, 2);
    const head = headNode(t);
    expect(kinds(t, head?.id ?? -1)).toEqual(['-', 'node']);
    expect(freshLoad(t, 2).entry).toEqual({ k: 'value', value: 9 });
    expect(freshLoad(t, 0).entry).toBeNull();
  });

  it.each([
    [4, 3, 2, 2],
    [8, 4, 3, 2],
    [8, 5, 3, 4],
    [16, 5, 4, 2],
    [16, 7, 4, 8],
    [64, 9, 6, 8],
    [2, 3, 3, 1],
    [4, 4, 4, 1],
    [8, 3, 3, 1],
    [16, 3, 0, 8],
  ])(
    'C = %i, order %i: the entry sits in a node of shift %i and takes K = %i slots',
    (c, order, shift, k) => {
      expect(hugePlace(buildTree(pages(2), c), order)).toEqual({ shift, slots: k });
    },
  );

  it('K = 1 (C = 8, N = 8): the head grows by one level and the huge page takes its slot 0, no siblings', () => {
    const t = storeHugeAtOnce(buildTree(pages(8), 8), 3, 99);
    const head = headNode(t);
    expect(head?.shift).toBe(3);
    expect(kinds(t, head?.id ?? -1)).toEqual(['folio', '-', '-', '-', '-', '-', '-', '-']);
    expect(Object.keys(t.nodes)).toHaveLength(1); // the old leaf was freed and reclaimed
    for (let i = 0; i < 8; i++) expect(freshLoad(t, i).entry).toEqual({ k: 'folio', folio: 99 });
  });

  it('C = 4, N = 8: the huge page and one sibling in the upper node; a lookup follows the sibling', () => {
    const t = storeHugeAtOnce(buildTree(pages(8), 4), 3, 99);
    const head = headNode(t);
    expect(kinds(t, head?.id ?? -1)).toEqual(['folio', 'sibling', '-', '-']);
    expect(freshLoad(t, 6)).toEqual({ entry: { k: 'folio', folio: 99 }, node: head?.id, offset: 0 });
  });

  it('C = 16, N = 8: the entry and seven siblings inside the one leaf', () => {
    const t = storeHugeAtOnce(buildTree(pages(8), 16), 3, 99);
    expect(kinds(t, headNode(t)?.id ?? -1).slice(0, 9)).toEqual(['folio', ...Array(7).fill('sibling'), '-']);
  });
});

describe('writers', () => {
  it('xas_free_nodes writes retry into every used slot, keeps parent and offset, marks the node freed', () => {
    const t = buildTree(pages(8), 4);
    const leaf = reachableNodes(t).find((n) => n.shift === 0 && n.offset === 1);
    const f = freeNodes(t, leaf?.id ?? -1);
    const freed = node(f, leaf?.id ?? -1);
    expect(freed.slots.every((e) => e?.k === 'retry')).toBe(true);
    expect([freed.freed, freed.parent, freed.offset]).toEqual([true, leaf?.parent, 1]);
  });

  it('a store into a missing leaf creates it; emptying a leaf deletes it', () => {
    const flat: Entry[] = [...pages(2), { t: 'empty' }, { t: 'empty' }];
    let t = buildTree(flat, 2);
    const head = headNode(t)?.id ?? -1;
    expect(kinds(t, head)).toEqual(['node', '-']);
    flat[3] = { t: 'folio', folio: 7 };
    t = storeFlat(t, 3, flat);
    expect(kinds(t, head)).toEqual(['node', 'node']);
    flat[0] = { t: 'empty' };
    flat[1] = { t: 'empty' };
    t = storeFlat(storeFlat(t, 0, flat), 1, flat);
    expect(kinds(t, head)).toEqual(['-', 'node']);
  });

  it('a store into a multi-index entry splits it into leaves built from the flat view', () => {
    const flat: Entry[] = Array.from({ length: 8 }, () => ({ t: 'folio', folio: 99 }));
    let t = storeHugeAtOnce(buildTree(pages(8), 4), 3, 99);
    flat.fill({ t: 'empty' }, 4);
    t = storeFlat(t, 4, flat);
    const head = headNode(t)?.id ?? -1;
    expect(kinds(t, head)).toEqual(['node', '-', '-', '-']);
    expect(freshLoad(t, 2).entry).toEqual({ k: 'folio', folio: 99 });
  });
});

describe('tree invariants', () => {
  const w = () => worldOf('v6.12', 'PPPPPPPP|xa=4', 'collapse,seek_hole:0');
  const withTree = (base: World, f: (t: XaTree) => XaTree): World => ({ ...base, xa: f(base.xa as XaTree) });
  const head = (t: XaTree) => headNode(t)?.id ?? -1;

  it('a fresh world is sound', () => expect(treeProblem(w())).toBeNull());

  it('names a node whose parent does not point back at it', () => {
    const bad = withTree(w(), (t) => {
      const leaf = reachableNodes(t).find((n) => n.shift === 0 && n.offset === 1);
      const nodes = { ...t.nodes, [leaf?.id ?? -1]: { ...(leaf as NonNullable<typeof leaf>), offset: 3 } };
      return { ...t, nodes };
    });
    expect(treeProblem(bad)).toMatch(/says it is slot 3 of node \d+, which holds something else/);
  });

  it('names a sibling that does not follow its canonical entry', () => {
    const bad = withTree(w(), (t) => {
      const h = node(t, head(t));
      const slots = [h.slots[0] ?? null, h.slots[1] ?? null, null, { k: 'sibling' as const, offset: 0 }];
      return { ...t, nodes: { ...t.nodes, [h.id]: { ...h, slots } } };
    });
    expect(treeProblem(bad)).toMatch(/sibling of slot 0, which holds node|breaks the multi-index entry/);
  });

  it('names a reachable freed node and a slot the tree disagrees with', () => {
    const freed = withTree(w(), (t) => ({
      ...t,
      nodes: { ...t.nodes, [head(t)]: { ...node(t, head(t)), freed: true } },
    }));
    expect(treeProblem(freed)).toMatch(/reachable from the head but was freed/);
    const base = w();
    const flat = { ...base, slots: base.slots.map((e, i): Entry => (i === 5 ? { t: 'empty' } : e)) };
    expect(treeProblem(flat)).toBe('slot 5 shows empty but a lookup in the tree finds folio');
  });

  it('names a walker whose node was reclaimed while it could still read it', () => {
    const base = w();
    const t1 = base.threads[1];
    if (!t1) throw new Error('no T1');
    const lost: World = {
      ...base,
      threads: [
        base.threads[0] as (typeof base.threads)[0],
        { ...t1, l: { ...t1.l, xas: { node: 77, offset: 0, cand: -1, returned: -1 } } },
      ],
    };
    expect(treeProblem(lost)).toBe('T1 walks node 77, which was reclaimed while it could still read it');
  });

  it('hold after every step of random schedules (step() faults otherwise)', () => {
    const setups = [
      ['v6.12', 'PPPPPPPP|xa=4', 'collapse,seek_hole:0,seek_data:3'],
      ['v6.7', 'P.S.PPMF|xa=2', 'collapse,punch:2,fault:1'],
      ['v6.3', 'PPPP.PPP|xa=16', 'collapse,truncate:3,seek_hole:1'],
      ['v6.12+xas-fix', 'HHHHHHHH|xa=4', 'punch:5,seek_data:0,write:2'],
      ['v5-nak', 'PPPPPPPP|xa=8', 'collapse,swapout:1,read:4'],
    ] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...setups),
        fc.array(fc.nat(7), { maxLength: 200 }),
        ([k, s, th], picks) => {
          let world = worldOf(k, s, th);
          for (const p of picks) {
            const ready = runnableThreads(world);
            if (ready.length === 0) break;
            const r = step(world, ready[p % ready.length] ?? 0);
            if (!r.ok) throw new Error(r.error.message);
            world = r.world;
          }
          expect(treeProblem(world)).toBeNull();
        },
      ),
      { numRuns: 150, seed: 12 },
    );
  });
});
