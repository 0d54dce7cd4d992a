// Model 2's way into collapse_file(): lru_add_drain_all, then hpage_collapse_scan_file's lockless
// pre-check; MADV_COLLAPSE (`collapse`) without limits, `khugepaged` with its limits scaled to the range.

import { describe, expect, it } from 'vitest';
import { runSchedule } from '../run.ts';
import { createWorld, parseSetup } from '../setup.ts';
import { Script } from '../testkit.ts';
import type { World } from '../types.ts';
import { maxPtesNone, maxPtesSwap } from './collapse/entrySteps.ts';

function model2(kernel: string, slots: string, threads: string): World {
  const p = parseSetup(kernel, slots, threads);
  if (!p.ok) throw new Error(p.error.message);
  return createWorld({ ...p.value, model: 2 });
}

const runAlone = (w: World) => runSchedule(w, []);
const labelsOf = (r: ReturnType<typeof runAlone>, thread = 0) =>
  r.steps.filter((s) => s.thread === thread).map((s) => s.label);

describe('the entry paths (model 2)', () => {
  it.each(['collapse', 'khugepaged'])(
    'v6.4 PP~PP with %s: the drain gives the batched page PG_lru, and the collapse succeeds',
    (actor) => {
      const r = runAlone(model2('v6.4', 'PP~PP', actor));
      expect(r.steps[0]).toMatchObject({ stepId: 'drain_all', label: 'lru_add_drain_all' });
      const batched = r.initial.slots[1];
      expect(batched?.t).toBe('folio');
      const id = batched?.t === 'folio' ? batched.folio : -1;
      expect(r.steps[0]?.events).toContainEqual({ type: 'lru.drained', cpu: -1, folios: [id] });
      expect(labelsOf(r)[1]).toBe('hpage_collapse_scan_file: the range passes; collapse_file');
      expect(r.world.threads[0]?.result).toBe('SCAN_SUCCEED');
      expect(r.world.lruBatch).toEqual([]);
    },
  );

  it('model 1 keeps the old behaviour of the same setup: SCAN_DEL_PAGE_LRU', () => {
    const p = parseSetup('v6.4', 'PP~PP', 'collapse');
    if (!p.ok) throw new Error(p.error.message);
    const r = runAlone(createWorld({ ...p.value, model: 1 }));
    expect(r.steps[0]?.stepId).toBe('alloc');
    expect(r.world.threads[0]?.result).toBe('SCAN_DEL_PAGE_LRU');
  });

  it.each(['collapse', 'khugepaged'])(
    'v6.3 M^PPP with %s stops in the pre-check; no PTE is touched',
    (actor) => {
      const w = model2('v6.3', 'M^PPP', actor);
      const r = runAlone(w);
      expect(r.world.threads[0]?.result).toBe('SCAN_PAGE_COUNT');
      expect(labelsOf(r)).toEqual([
        'lru_add_drain_all',
        'page_count(page) != 1 + page_mapcount(page): SCAN_PAGE_COUNT',
      ]);
      expect(r.world.proc.ptes).toEqual(w.proc.ptes);
      expect(r.world.proc.ptes[0]).not.toBeNull();
      expect(Object.values(r.world.folios).some((f) => f.huge)).toBe(false); // nothing allocated
    },
  );

  it('khugepaged limits scale with the range: max_ptes_none = N - 1, max_ptes_swap = floor(N / 8)', () => {
    expect([maxPtesNone(512), maxPtesSwap(512)]).toEqual([511, 64]);
    expect([maxPtesNone(16), maxPtesSwap(16)]).toEqual([15, 2]);
    // N = 4 allows no swap entry; MADV_COLLAPSE has no limit and swaps the page in.
    expect(runAlone(model2('v6.4', 'PSPP', 'khugepaged')).world.threads[0]?.result).toBe(
      'SCAN_EXCEED_SWAP_PTE',
    );
    expect(runAlone(model2('v6.4', 'PSPP', 'collapse')).world.threads[0]?.result).toBe('SCAN_SUCCEED');
    // N = 16: two swap entries pass, the third is one too many.
    const sixteen = (swaps: number) => 'S'.repeat(swaps) + 'P'.repeat(16 - swaps);
    expect(runAlone(model2('v6.4', sixteen(2), 'khugepaged')).world.threads[0]?.result).toBe('SCAN_SUCCEED');
    const three = runAlone(model2('v6.4', sixteen(3), 'khugepaged'));
    expect(three.world.threads[0]?.result).toBe('SCAN_EXCEED_SWAP_PTE');
    expect(labelsOf(three)[1]).toBe('swap > khugepaged_max_ptes_swap: SCAN_EXCEED_SWAP_PTE');
    // max_ptes_none = N - 1: at least one present page; a range of holes and swap has none.
    const none = runAlone(model2('v6.4', 'S...', 'khugepaged'));
    expect(none.world.threads[0]?.result).toBe('SCAN_EXCEED_SWAP_PTE');
    const holes = runAlone(model2('v6.4', '.'.repeat(7) + 'S', 'khugepaged'));
    expect(holes.world.threads[0]?.result).toBe('SCAN_EXCEED_NONE_PTE');
    expect(runAlone(model2('v6.4', '...P', 'khugepaged')).world.threads[0]?.result).toBe('SCAN_SUCCEED');
  });

  it('a page that enters an lru batch after the drain stops the pre-check (SCAN_PAGE_LRU)', () => {
    const s = new Script(model2('v6.4', 'P.PP', 'collapse,fallocate:1')).step(0).run(1);
    expect(s.world.lruBatch).toHaveLength(1);
    const r = s.step(0).finish();
    expect(r.world.threads[0]?.result).toBe('SCAN_PAGE_LRU');
    expect(labelsOf(r)).toContain('!PageLRU(page): SCAN_PAGE_LRU');
  });

  it('MADV_COLLAPSE maps the huge page by PMD at once; khugepaged only removes the page table', () => {
    const madv = runAlone(model2('v6.4', 'MPPP', 'collapse'));
    expect(madv.world.threads[0]?.result).toBe('SCAN_SUCCEED');
    expect(madv.world.proc).toMatchObject({ pmd: 'huge', ptes: [null, null, null, null] });
    expect(labelsOf(madv)).toContain('collapse_and_free_pmd; set_huge_pmd (MADV_COLLAPSE maps it now)');
    const daemon = runAlone(model2('v6.4', 'MPPP', 'khugepaged'));
    expect(daemon.world.threads[0]?.result).toBe('SCAN_SUCCEED');
    expect(daemon.world.proc).toMatchObject({ pmd: 'none', pmdFolio: null });
  });

  it('retract cannot take mmap_lock for writing while a fault holds it: SCAN_PTE_MAPPED_HUGEPAGE', () => {
    // The fault takes mmap_lock (read) and waits on the locked huge page; collapse retracts meanwhile.
    const s = new Script(model2('v6.4', 'PPPP', 'collapse,fault:0')).to(0, 'retract');
    s.step(1);
    expect(s.world.locks.mmap.readers).toEqual([1]);
    const r = s.step(0).finish();
    expect(labelsOf(r)).toContain('mmap_write_trylock failed: SCAN_PTE_MAPPED_HUGEPAGE');
    expect(r.world.threads[0]?.result).toBe('SCAN_PTE_MAPPED_HUGEPAGE');
    expect(r.world.proc.pmd).toBe('table');
  });
});
