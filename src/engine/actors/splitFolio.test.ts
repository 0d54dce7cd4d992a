// Model 3: truncate_inode_partial_folio splits a huge folio that straddles the cut (split_folio), unless
// someone else holds a reference; the pages at or past i_size leave the cache with the split. And
// shmem_setattr's labels and its second unmap_mapping_range.

import { describe, expect, it } from 'vitest';
import { fileValue } from '../index.ts';
import { resolveSource } from '../sourceLinks.ts';
import { VARIANTS } from '../variants.ts';
import { Script, take } from '../testkit.ts';
import type { World } from '../types.ts';

const kinds = (w: World) =>
  w.slots.map((e) => (e.t === 'folio' ? (w.folios[e.folio]?.huge ? 'H' : 'P') : '.')).join('');

describe('truncate splits a straddling huge folio (model 3)', () => {
  it('v6.12 PPPPPPPP, truncate to 2 after the collapse: the edge step splits; pages 2-7 leave with the split', () => {
    const s = Script.of('v6.12', 'PPPPPPPP', 'collapse,truncate:2').run(0).to(1, 'partial_first');
    const huge = s.world.slots[2]?.t === 'folio' ? s.world.slots[2].folio : -1;
    expect(s.world.folios[huge]?.huge).toBe(true);
    const r = take(s.world, 1);
    expect(r.events[0]).toMatchObject({ type: 'thread.stepped', branch: 'split' });
    const w = r.world;
    expect(kinds(w)).toBe('PP......');
    expect(w.folios[huge]).toBeUndefined(); // the huge folio is gone: two small pages hold 0 and 1
    expect([0, 1].map((i) => fileValue(w, i))).toEqual([1, 2]);
    expect(w.nrpages).toBe(2);
    for (const i of [0, 1]) {
      const e = w.slots[i];
      const f = e?.t === 'folio' ? w.folios[e.folio] : undefined;
      expect(f).toMatchObject({ huge: false, index: i, locked: null, refcount: 1, mapped: true });
    }
    expect(w.threads[1]?.l).toMatchObject({ skipFrom: 8, skipTo: 8 }); // nothing cut out of pass 2
    const end = s.run(1);
    expect(end.thread(1).result).toBe('truncated to 2');
    expect(end.violations).toEqual([]);
  });

  it('with |xa=4 the tree follows the split: leaf 0 holds the two small pages, the multi-index entry is gone', () => {
    const s = Script.of('v6.12', 'PPPPPPPP|xa=4', 'collapse,truncate:2').run(0).to(1, 'partial_first');
    const w = take(s.world, 1).world;
    const tree = w.xa;
    const head = tree?.head?.k === 'node' ? tree.nodes[tree.head.node] : undefined;
    const leaf0 = head?.slots[0]?.k === 'node' ? tree?.nodes[head.slots[0].node] : undefined;
    expect(head?.slots[1]).toBeNull(); // no sibling left
    expect(leaf0?.slots.map((e) => e?.k ?? null)).toEqual(['folio', 'folio', null, null]);
    expect(s.run(1).violations).toEqual([]);
  });

  it('a reader holding a reference makes the split fail: the dirty folio stays, zeroed past EOF, cut out of pass 2', () => {
    const s = Script.of('v6.12', 'PPPPPPPP', 'collapse,truncate:2,read:6').run(0);
    s.to(2, 'lock'); // read(6) holds a lookup reference on the huge page
    s.to(1, 'partial_first');
    const r = take(s.world, 1);
    expect(r.events[0]).toMatchObject({ type: 'thread.stepped', branch: 'no_split' });
    expect(kinds(r.world)).toBe('HHHHHHHH');
    expect([2, 3, 4, 5, 6, 7].map((i) => fileValue(r.world, i))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(r.world.threads[1]?.l).toMatchObject({ skipFrom: 0, skipTo: 8 });
  });

  it('model 2 keeps zeroing without a split', () => {
    const s = Script.of('v6.12', 'PPPPPPPP', 'collapse,truncate:2', 2).run(0).to(1, 'partial_first');
    expect(kinds(take(s.world, 1).world)).toBe('HHHHHHHH');
  });
});

describe("shmem_setattr's steps (truncate)", () => {
  it('labels and links truncate as shmem_setattr, and unmaps again before the inode lock is dropped', () => {
    const s = Script.of('v6.12', 'PPPPPPPP', 'collapse,truncate:2').run(0);
    expect(s.world.proc.pmd).toBe('huge'); // MADV_COLLAPSE mapped the huge page by PMD
    const r = s.run(1).finish();
    const t1 = r.steps.filter((x) => x.thread === 1);
    expect(t1[0]?.label).toBe('inode_lock (do_truncate); shmem_setattr: i_size_write');
    expect(t1[1]?.label).toBe('shmem_setattr: unmap_mapping_range(holebegin)');
    expect(t1.at(-1)?.label).toBe('shmem_setattr: unmap_mapping_range again; inode_unlock');
    const url = (key: string) => resolveSource({ key }, VARIANTS['v6.12']).url;
    expect(url('shmem_setattr:i_size_write')).toBe(
      'https://elixir.bootlin.com/linux/v6.12.117/source/mm/shmem.c#L1259',
    );
    expect(url('shmem_setattr:unmap_again')).toBe(
      'https://elixir.bootlin.com/linux/v6.12.117/source/mm/shmem.c#L1274',
    );
  });

  it('the second unmap zaps a PMD a collapse mapped after the first one (the split refused)', () => {
    // Truncate unmaps first (no PMD yet); collapse then finishes and maps its huge page by PMD; read(1)
    // holds a reference, so the split fails and the huge page stays mapped until the second unmap.
    const s = Script.of('v6.12', 'PPPPPPPP', 'collapse,truncate:2,read:1').to(0, 'alloc').to(1, 'pass1');
    s.run(0);
    expect(s.world.proc.pmd).toBe('huge');
    s.to(2, 'lock').to(1, 'finish');
    expect(s.world.proc.pmd).toBe('huge');
    s.step(1);
    expect(s.world.proc.pmd).toBe('none');
    expect(s.thread(1).result).toBe('truncated to 2');
  });
});
