// The way into collapse_file() (model 2): both callers drain every CPU's lru batch, then
// hpage_collapse_scan_file() checks the range without locks; only a range that passes reaches
// collapse_file(). `collapse` is MADV_COLLAPSE (no limits); `khugepaged` applies its sysfs limits,
// scaled to the range as the defaults are to 512 pages (README, Model notes).

import { finish, took } from '../../program.ts';
import { drainLru } from '../../lru.ts';
import { src } from '../../sources.ts';
import type { Thread, World } from '../../types.ts';
import type { CollapseLocals, CollapseSteps } from './helpers.ts';

const scanFile = (stmt: string) => src(`hpage_collapse_scan_file:${stmt}`);

export const isKhugepaged = (t: Thread<CollapseLocals>) => t.actor === 'khugepaged';

/** khugepaged's max_ptes_none: 511 of 512 by default, so N - 1 of N. */
export const maxPtesNone = (n: number) => n - 1;
/** khugepaged's max_ptes_swap: 64 of 512 by default, so floor(N / 8) of N. */
export const maxPtesSwap = (n: number) => Math.floor(n / 8);

/** The pre-check's verdict on the range as it is in memory now: null to go on to collapse_file. */
export function precheck(w: World, khugepaged: boolean): string | null {
  let present = 0;
  let swap = 0;
  for (let i = 0; i < w.n; i++) {
    const e = w.slots[i];
    if (!e || e.t === 'empty' || e.t === 'retry') continue; // a hole, or xas_retry
    if (e.t === 'swap') {
      swap++;
      if (khugepaged && swap > maxPtesSwap(w.n)) return 'SCAN_EXCEED_SWAP_PTE';
      continue;
    }
    const f = w.folios[e.folio];
    if (!f) continue;
    if (f.huge) return 'SCAN_PTE_MAPPED_HUGEPAGE';
    if (!f.lru) return 'SCAN_PAGE_LRU';
    if (f.refcount !== 1 + f.mapcount) return 'SCAN_PAGE_COUNT';
    present++;
  }
  if (khugepaged && present < w.n - maxPtesNone(w.n)) return 'SCAN_EXCEED_NONE_PTE';
  return null;
}

export const entrySteps = {
  drain_all: {
    label: 'lru_add_drain_all',
    text: "Drain every CPU's lru_add batch, so every page added so far has PG_lru (madvise_collapse; khugepaged once per scan pass).",
    src: src('madvise_collapse:lru_add_drain_all'),
    branches: {
      khugepaged: { label: 'lru_add_drain_all', src: src('khugepaged_do_scan:lru_add_drain_all') },
    },
    run: (tx, t) => {
      if (isKhugepaged(t)) took(tx, 'khugepaged');
      drainLru(tx, null);
      t.pc = 'precheck';
    },
  },
  precheck: {
    label: 'hpage_collapse_scan_file',
    text: 'Walk the range without locks (RCU): every page must be small, on the LRU and hold only its cache and mapping references; khugepaged also caps swap entries and holes. Only then call collapse_file.',
    src: scanFile('collapse_file'),
    branches: {
      SCAN_EXCEED_SWAP_PTE: {
        label: 'swap > khugepaged_max_ptes_swap: SCAN_EXCEED_SWAP_PTE',
        src: scanFile('swap'),
      },
      SCAN_PTE_MAPPED_HUGEPAGE: {
        label: 'PageTransCompound(page): SCAN_PTE_MAPPED_HUGEPAGE',
        src: scanFile('compound'),
      },
      SCAN_PAGE_LRU: { label: '!PageLRU(page): SCAN_PAGE_LRU', src: scanFile('lru') },
      SCAN_PAGE_COUNT: {
        label: 'page_count(page) != 1 + page_mapcount(page): SCAN_PAGE_COUNT',
        src: scanFile('count'),
      },
      SCAN_EXCEED_NONE_PTE: {
        label: 'present < HPAGE_PMD_NR - khugepaged_max_ptes_none: SCAN_EXCEED_NONE_PTE',
        src: scanFile('none'),
      },
      collapse: { label: 'hpage_collapse_scan_file: the range passes; collapse_file' },
    },
    run: (tx, t) => {
      const why = precheck(tx.w, isKhugepaged(t));
      took(tx, why ?? 'collapse');
      if (why) return finish(tx, t, why);
      t.pc = 'alloc';
    },
  },
} satisfies CollapseSteps;
