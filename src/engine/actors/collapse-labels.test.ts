// One label per kernel action: every branch of collapse_file's steps names what the kernel does there,
// in that version's words, and the record of the step carries it (the thread pane and the diagram show it).

import { describe, expect, it } from 'vitest';
import { runSchedule } from '../run.ts';
import { stepSource } from '../sourceLinks.ts';
import { Script, worldOf } from '../testkit.ts';
import type { VariantId } from '../variants.ts';
import { VARIANT_IDS, VARIANTS } from '../variants.ts';

/** The labels thread 0 (collapse) took, in order, when the schedule (then round-robin) runs. */
function labels(s: Script | { kernel: VariantId; slots: string; threads: string }): string[] {
  const r = s instanceof Script ? s.finish() : runSchedule(worldOf(s.kernel, s.slots, s.threads, 1), []);
  return r.steps.filter((x) => x.thread === 0).map((x) => x.label);
}

const alone = (kernel: VariantId, slots: string) => labels({ kernel, slots, threads: 'collapse' });
const holesStayEmpty = (k: VariantId) => VARIANTS[k].flags.holesStayEmpty;
const counts = (k: VariantId) => VARIANTS[k].flags.oldPages === 'count-keep';

describe.each(VARIANT_IDS)('collapse labels on %s', (k) => {
  it('the scan names the hole, the present page, the swap entry and the fallocated page', () => {
    const l = alone(k, 'P.F');
    if (VARIANTS[k].flags.iterationBug) {
      // v6.4-rc1: the stale cursor re-reads slot 0, which collapse itself holds locked.
      expect(l).toContain('trylock_page failed: SCAN_PAGE_LOCK');
      return;
    }
    expect(l).toContain('trylock_page; get_page; xas_unlock_irq');
    expect(l).toContain(
      holesStayEmpty(k)
        ? 'xas_next -> NULL: shmem_charge (slot stays empty)'
        : 'xas_next -> NULL: shmem_charge; xas_store(hpage)',
    );
    expect(l).toContain('xa_is_value || !PageUptodate: xas_unlock_irq');
    expect(l).toContain('shmem_get_folio(SGP_NOALLOC): zero, mark uptodate');
    expect(l).toContain('folio_isolate_lru(folio)');
    expect(l).toContain('index == end: the scan is over');
    expect(l).toContain(
      counts(k)
        ? 'page_count(page) == 3; list_add_tail'
        : VARIANTS[k].flags.oldPages === 'freeze-keep'
          ? 'page_ref_freeze(page, 3)'
          : 'page_ref_freeze(page, 3); xas_store(hpage)',
    );
    const order = VARIANTS[k].flags.commitOrder;
    expect(l.at(-1)).toMatch(
      order === 'p3' || order === 'post' ? /^page->mapping = NULL/ : /^unlock_page\(hpage\)$/,
    );
    // A swapped-out page comes back through shmem_get_folio; without patch 1/4's drain it is still in
    // this CPU's lru batch and cannot be isolated (race e).
    const swap = alone(k, 'SP');
    expect(swap).toContain('shmem_get_folio(SGP_NOALLOC): swap in');
    if (!VARIANTS[k].flags.drainAfterSwapin)
      expect(swap).toContain('folio_isolate_lru failed: SCAN_DEL_PAGE_LRU');
  });

  it('the relock shows xas_set(index) only where the kernel has it (c8a8f3b4a95a removed it)', () => {
    const r = runSchedule(worldOf(k, 'PP', 'collapse', 1), []);
    const l = r.steps.filter((x) => x.stepId === 'relock').map((x) => x.label);
    const withSet = !counts(k) || VARIANTS[k].flags.iterationBug;
    expect(l).toContain(withSet ? 'xas_lock_irq; xas_set(index)' : 'xas_lock_irq');
    expect(l).not.toContain(withSet ? 'xas_lock_irq' : 'xas_lock_irq; xas_set(index)');
  });

  it('an empty range is SCAN_TRUNCATED at the first xas_next_entry', () => {
    expect(alone(k, '....')[alone(k, '....').length - 2]).toBe('xas_next_entry -> NULL: SCAN_TRUNCATED');
  });

  it('a pinned page fails the freeze or the count check', () => {
    expect(alone(k, 'P^P')).toContain(
      counts(k)
        ? 'page_count(page) != 3: SCAN_PAGE_COUNT'
        : 'page_ref_freeze(page, 3) failed: SCAN_PAGE_COUNT',
    );
  });

  it('a page still in an lru batch cannot be isolated; a huge page is already collapsed', () => {
    expect(alone(k, 'P~P')).toContain('folio_isolate_lru failed: SCAN_DEL_PAGE_LRU');
    expect(alone(k, 'HHHH')).toContain('PageTransCompound(page): SCAN_PTE_MAPPED_HUGEPAGE');
  });

  it('a page another collapse holds locked fails the trylock', () => {
    const s = Script.of(k, 'PP', 'collapse,collapse', 1).to(1, 'isolate').run(0);
    const l = s
      .finish()
      .steps.filter((x) => x.thread === 0)
      .map((x) => x.label);
    expect(l).toContain('trylock_page failed: SCAN_PAGE_LOCK');
  });
});

describe.each(VARIANT_IDS.filter((k) => VARIANTS[k].flags.holesStayEmpty))(
  're-validating holes on %s',
  (k) => {
    it('a hole filled meanwhile: SCAN_PAGE_FILLED; a userfaultfd range: SCAN_EXCEED_NONE_PTE', () => {
      if (VARIANTS[k].flags.iterationBug) return; // never gets past slot 1 with a page before the hole
      const filled = Script.of(k, 'P.', 'collapse,fallocate:1', 1).to(0, 'revalidate_i_mmap').run(1);
      expect(labels(filled)).toContain('nr_none != nr_none_check: SCAN_PAGE_FILLED');
      expect(alone(k, 'P.|uffd')).toContain('userfaultfd_missing(vma): SCAN_EXCEED_NONE_PTE');
      expect(alone(k, 'P.')).toContain('nr_none == nr_none_check; no userfaultfd_missing vma');
    });
  },
);

describe('version words', () => {
  it('v6.4 copies with copy_mc_highpage; v6.3 with copy_highpage, freeing each page as it goes', () => {
    expect(alone('v6.4', 'PP')).toContain('copy_mc_highpage (each index)');
    expect(alone('v6.3+p1', 'PP')).toContain('copy_highpage (each index)');
    expect(alone('v6.3', 'P.')).toEqual(
      expect.arrayContaining([
        'copy_highpage; page_ref_unfreeze(page, 1); put_page',
        'clear_highpage (a hole)',
      ]),
    );
  });

  it('the step record carries the link of the branch it took', () => {
    const r = runSchedule(worldOf('v6.4', '.P', 'collapse', 1), []);
    const hole = r.steps.find((s) => s.label.startsWith('xas_next -> NULL'));
    expect(hole?.events[0]).toMatchObject({ branch: 'hole', src: 'collapse_file:shmem_charge' });
    expect(hole && stepSource(hole, VARIANTS['v6.4'])).toBe(
      'https://elixir.bootlin.com/linux/v6.4/source/mm/khugepaged.c#L1940',
    );
  });
});
