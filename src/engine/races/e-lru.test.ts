// Race (e): no lru drain after shmem swap-in (patch 1/4): the swapped-in page is still in the batch.
import { describe, expect, it } from 'vitest';
import { Script } from '../testkit.ts';
import type { VariantId } from '../variants.ts';

describe('race (e): lru drain after swap-in', () => {
  it.each<VariantId>(['v6.3', 'v5-nak'])('%s: the swapped-in page has no PG_lru: SCAN_DEL_PAGE_LRU', (k) => {
    const s = Script.of(k, 'PPSP', 'collapse', 1).to(0, 'isolate', 2);
    const id = s.thread(0).l.folio ?? -1;
    const f = s.world.folios[id];
    expect(f?.lru).toBe(false);
    expect(f?.holders.map((h) => h.kind).sort()).toEqual(['cache', 'collapse-pin', 'lru-batch']);
    const r = s.finish();
    expect(r.world.threads[0]?.result).toBe('SCAN_DEL_PAGE_LRU');
    expect(r.world.slots[2]?.t).toBe('folio'); // swapped in, left in the cache
  });

  it.each<VariantId>(['v6.3+p1', 'v6.3+p2', 'v6.3+p3', 'v6.4', 'v6.7'])(
    '%s: lru_add_drain gives it PG_lru: SCAN_SUCCEED',
    (k) => {
      const s = Script.of(k, 'PPSP', 'collapse', 1).to(0, 'isolate', 2);
      expect(s.world.folios[s.thread(0).l.folio ?? -1]?.lru).toBe(true);
      const r = s.finish();
      expect(r.world.threads[0]?.result).toBe('SCAN_SUCCEED');
      expect(r.world.folios[r.world.threads[0]?.l.hpage ?? -1]?.data).toEqual([1, 2, 3, 4]);
    },
  );

  it('v6.3: a drain by someone else before collapse reaches the page makes it succeed', () => {
    const r = Script.of('v6.3', 'PPPP~', 'collapse,lru_drain', 1).run(1).finish();
    expect(r.world.threads[0]?.result).toBe('SCAN_SUCCEED');
  });

  it('v6.3: a page still in a batch fails isolation', () => {
    const r = Script.of('v6.3', 'PPPP~', 'collapse', 1).finish();
    expect(r.world.threads[0]?.result).toBe('SCAN_DEL_PAGE_LRU');
  });
});
