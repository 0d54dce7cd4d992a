// The way into collapse_file() (model 2): both callers drain every CPU's lru batch, then
// hpage_collapse_scan_file() checks the range without locks; only a range that passes reaches
// collapse_file(). `collapse` is MADV_COLLAPSE (no limits); `khugepaged` applies its sysfs limits,
// scaled to the range as the defaults are to 512 pages (README, Model notes). Model 3's walk of the tree
// (`|xa`) is entryTreeSteps.ts, loaded with the rest of the tree's code.

import { finish, took } from '../../program.ts';
import { drainLru } from '../../lru.ts';
import { src } from '../../sources.ts';
import type { Tx } from '../../tx.ts';
import type { Entry, Thread, World } from '../../types.ts';
import { walkFrom } from '../../xarray/walkFrom.ts';
import type { CollapseLocals, CollapseSteps, CollapseThread } from './helpers.ts';

const scanFile = (stmt: string) => src(`hpage_collapse_scan_file:${stmt}`);

export const isKhugepaged = (t: Thread<CollapseLocals>) => t.actor === 'khugepaged';

/** khugepaged's max_ptes_none: 511 of 512 by default, so N - 1 of N. */
export const maxPtesNone = (n: number) => n - 1;
/** khugepaged's max_ptes_swap: 64 of 512 by default, so floor(N / 8) of N. */
export const maxPtesSwap = (n: number) => Math.floor(n / 8);

/** What the scan has counted so far: pages present and swap entries (the kernel's present, swap). */
export interface ScanCounts {
  present: number;
  swap: number;
}

/** The pre-check's verdict on one entry it read: one that ends the scan, or null to go on (counts updated). */
export function judgeEntry(w: World, e: Entry, khugepaged: boolean, c: ScanCounts): string | null {
  if (e.t === 'empty' || e.t === 'retry') return null; // a hole, or xas_retry
  if (e.t === 'swap') {
    c.swap++;
    return khugepaged && c.swap > maxPtesSwap(w.n) ? 'SCAN_EXCEED_SWAP_PTE' : null;
  }
  const f = w.folios[e.folio];
  if (!f) return null;
  if (f.huge) return 'SCAN_PTE_MAPPED_HUGEPAGE';
  if (!f.lru) return 'SCAN_PAGE_LRU';
  if (f.refcount !== 1 + f.mapcount) return 'SCAN_PAGE_COUNT';
  c.present++;
  return null;
}

/** After the whole range: khugepaged also needs enough pages present. */
export const scanEnd = (w: World, khugepaged: boolean, c: ScanCounts): string | null =>
  khugepaged && c.present < w.n - maxPtesNone(w.n) ? 'SCAN_EXCEED_NONE_PTE' : null;

/** The pre-check's verdict on the range as it is in memory now: null to go on to collapse_file. */
export function precheck(w: World, khugepaged: boolean): string | null {
  const c: ScanCounts = { present: 0, swap: 0 };
  for (let i = 0; i < w.n; i++) {
    const why = judgeEntry(w, w.slots[i] ?? { t: 'empty' }, khugepaged, c);
    if (why) return why;
  }
  return scanEnd(w, khugepaged, c);
}

/** The pre-check's verdict: collapse_file starts, or the call ends with `why`. */
export function endScan(tx: Tx, t: CollapseThread, why: string | null): void {
  delete t.l.xas;
  t.l.index = 0; // collapse_file's own cursor starts at start
  t.l.nrNone = 0;
  t.l.nrNoneCheck = 0;
  took(tx, why ?? 'collapse');
  if (why) return finish(tx, t, why);
  t.pc = 'alloc';
}

/** Model 3 walks the pre-check's scan over the tree of a `|xa` setup. */
export const scanWalks = (w: World) => w.xa !== undefined && w.model >= 3;

/** How the pre-check ends, in the kernel's words: the one-step scan's, or the tree walk's last step. */
export const PRECHECK_BRANCHES = {
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
};

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
    text: 'Walk the range without locks (RCU): every page must be small, on the LRU and hold only its cache and mapping references; khugepaged also caps swap entries and holes. Only then call collapse_file. With |xa (model 3) this step starts xas_for_each, and the walk reads the range a slot per step.',
    src: scanFile('collapse_file'),
    branches: PRECHECK_BRANCHES,
    run: (tx, t) => {
      if (scanWalks(tx.w)) {
        // rcu_read_lock; xas_for_each from start: the walk's steps read the range.
        walkFrom(t, 0);
        t.l.nrNone = 0;
        t.l.nrNoneCheck = 0;
        t.pc = 'ps_xas_load';
        return;
      }
      endScan(tx, t, precheck(tx.w, isKhugepaged(t)));
    },
  },
} satisfies CollapseSteps;
