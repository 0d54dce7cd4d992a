// Kernel variants as flags over one program per actor (spec §2.4, §2.5), never as copies.

export type VariantId =
  | 'v6.3'
  | 'v6.3+p1'
  | 'v6.3+p2'
  | 'v6.3+p3'
  | 'v6.4-rc1'
  | 'v6.4'
  | 'v6.7'
  | 'v5-nak'
  | 'v6.12'
  | 'v6.12+xas-fix';

/**
 * A kernel: a named variant, or one followed by switches (`v6.4/old-pages=freeze-keep`) in the canonical
 * form kernelSpec.ts prints. Only parseKernel / formatKernel make the branded strings.
 */
export type KernelId = VariantId | (string & { readonly kernelBrand: true });

/** How collapse treats an old page it has locked and isolated (P11/Q11). */
export type OldPagePolicy =
  /** v6.3..p3: page_ref_freeze(page, 3), then xas_store(hpage) over it in the same xa_lock section. */
  | 'freeze-replace'
  /** v5 3/3 (NAKed): page_ref_freeze(page, 3) but the frozen page stays in the cache until the end. */
  | 'freeze-keep'
  /** v6.4-rc1+: page_count(page) == 3 check; the page stays in the cache, locked, unfrozen. */
  | 'count-keep';

export interface VariantFlags {
  /** Patch 1/4 (efa3d814fad1): lru_add_drain() after shmem_get_folio() swaps a page in. */
  readonly drainAfterSwapin: boolean;
  /** Patch 2/4 (cae106dd67b9): lock and initialise the hpage before xas_create_range(). */
  readonly initHpageFirst: boolean;
  /** Patch 3/4 (ac492b9c70ca): holes stay EMPTY during the scan; re-validated at the end (Q15). */
  readonly holesStayEmpty: boolean;
  /**
   * Patch 3/4 (ac492b9c70ca): after the copy, i_mmap (read) and xa_lock, retry entries in the holes still
   * empty, SCAN_PAGE_FILLED if one was filled, SCAN_EXCEED_NONE_PTE for a userfaultfd-MISSING VMA (Q15).
   */
  readonly uffdCheck: boolean;
  readonly oldPages: OldPagePolicy;
  /**
   * Order after the scan. 'v6.3': multi-index store under the loop's xa_lock, then copy and free page by
   * page, then mark uptodate. 'mm-unstable': copy all, free all, store, uptodate (the base of p1/p2).
   * 'p3': copy, (re-validate holes,) store, uptodate, unlock hpage, free. 'post': copy, (re-validate,)
   * uptodate and store in one xa_lock section, retract, unlock hpage, free (patch 4/4). The re-validation
   * is `uffdCheck`.
   */
  readonly commitOrder: 'v6.3' | 'mm-unstable' | 'p3' | 'post';
  /** v6.4-rc1..rc7 with DEBUG_VM=n: xas_set(index) after relock makes the next xas_next re-read (§2.5.4). */
  readonly iterationBug: boolean;
  /** 55ac8bbe358b (v6.7): shmem_undo_range's second pass splits/zeroes a large folio instead of removing it. */
  readonly undoRangeSplits: boolean;
  /**
   * Not upstream (shared/domain/xarray.md §4): xas_find, meeting a sibling whose canonical entry this walk
   * has not returned, goes back to that entry instead of skipping it (after a climb and inside a node).
   * Only setups with `|xa` have a walk for it to change.
   */
  readonly xasFindFix: boolean;
}

export interface Commit {
  readonly id: string;
  readonly title: string;
  readonly url: string;
}

export interface KernelVariant {
  readonly id: KernelId;
  readonly title: string;
  readonly flags: VariantFlags;
  /** Commits (or postings) this variant has on top of v6.3, oldest first. */
  readonly commits: readonly Commit[];
  /** The tag whose source lines the step links use. */
  readonly sourceTag: 'v6.3' | 'v6.4-rc1' | 'v6.4' | 'v6.7' | 'v6.12.117';
}

const git = (id: string, title: string): Commit => ({
  id,
  title,
  url: `https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/commit/?id=${id}`,
});
const lore = (id: string, title: string, msgid: string): Commit => ({
  id,
  title,
  url: `https://lore.kernel.org/all/${msgid}/`,
});

const P1 = git('efa3d814fad1', 'mm/khugepaged: drain lru after swapping in shmem');
const P2 = git('cae106dd67b9', 'mm/khugepaged: refactor collapse_file control flow');
const P3 = git('ac492b9c70ca', 'mm/khugepaged: skip shmem with userfaultfd');
const P4 = git('a2e17cc2efc7', 'mm/khugepaged: maintain page cache uptodate flag');
const FIXUP = git('0175ab610c2d', 'mm/khugepaged: fix conflicting mods to collapse_file()');
const ITER = git('c8a8f3b4a95a', 'mm/khugepaged: fix iteration in collapse_file');
const UNDO = git('55ac8bbe358b', 'mm/shmem: fix race in shmem_undo_range w/THP');
const V5 = lore(
  'v5-3/3',
  '[PATCH v5 3/3] mm/khugepaged: maintain page cache uptodate flag',
  '20230307052036.1520708-4-stevensd@google.com',
);
const V5_REFACTOR = lore(
  'v5-1/3',
  '[PATCH v5 1/3] mm/khugepaged: refactor collapse_file control flow',
  '20230307052036.1520708-2-stevensd@google.com',
);
const V5_UFFD = lore(
  'v5-2/3',
  '[PATCH v5 2/3] mm/khugepaged: skip shmem with userfaultfd',
  '20230307052036.1520708-3-stevensd@google.com',
);

/** The commits the switches (switches.ts) name; 12904d953364 is the mm-unstable base of p1/p2 (spec §2.5). */
export const COMMITS = {
  P1,
  P2,
  P3,
  P4,
  ITER,
  UNDO,
  V5,
  COPY_MC: git('12904d953364', 'mm/khugepaged: recover from poisoned file-backed memory'),
} as const;

const PRE: VariantFlags = {
  drainAfterSwapin: false,
  initHpageFirst: false,
  holesStayEmpty: false,
  uffdCheck: false,
  oldPages: 'freeze-replace',
  commitOrder: 'v6.3',
  iterationBug: false,
  undoRangeSplits: false,
  xasFindFix: false,
};
const POST: VariantFlags = {
  drainAfterSwapin: true,
  initHpageFirst: true,
  holesStayEmpty: true,
  uffdCheck: true,
  oldPages: 'count-keep',
  commitOrder: 'post',
  iterationBug: false,
  undoRangeSplits: false,
  xasFindFix: false,
};

export const VARIANTS: Readonly<Record<VariantId, KernelVariant>> = {
  'v6.3': { id: 'v6.3', title: 'v6.3, before the series', flags: PRE, commits: [], sourceTag: 'v6.3' },
  'v6.3+p1': {
    id: 'v6.3+p1',
    title: 'v6.3 + patch 1/4 (lru drain after swap-in)',
    flags: { ...PRE, drainAfterSwapin: true, commitOrder: 'mm-unstable' },
    commits: [P1],
    sourceTag: 'v6.3',
  },
  'v6.3+p2': {
    id: 'v6.3+p2',
    title: 'v6.3 + patches 1-2/4 (refactor)',
    flags: { ...PRE, drainAfterSwapin: true, initHpageFirst: true, commitOrder: 'mm-unstable' },
    commits: [P1, P2],
    sourceTag: 'v6.3',
  },
  'v6.3+p3': {
    id: 'v6.3+p3',
    title: 'v6.3 + patches 1-3/4 (skip shmem with userfaultfd)',
    flags: {
      ...PRE,
      drainAfterSwapin: true,
      initHpageFirst: true,
      holesStayEmpty: true,
      uffdCheck: true,
      commitOrder: 'p3',
    },
    commits: [P1, P2, P3],
    sourceTag: 'v6.3',
  },
  'v6.4-rc1': {
    id: 'v6.4-rc1',
    title: 'v6.4-rc1: the whole series, with the iteration bug (DEBUG_VM=n)',
    flags: { ...POST, iterationBug: true },
    commits: [P1, P2, P3, P4, FIXUP],
    sourceTag: 'v6.4-rc1',
  },
  'v6.4': {
    id: 'v6.4',
    title: 'v6.4 as released',
    flags: POST,
    commits: [P1, P2, P3, P4, FIXUP, ITER],
    sourceTag: 'v6.4',
  },
  'v6.7': {
    id: 'v6.7',
    title: 'v6.7: v6.4 plus the shmem_undo_range THP fix',
    flags: { ...POST, undoRangeSplits: true },
    commits: [P1, P2, P3, P4, FIXUP, ITER, UNDO],
    sourceTag: 'v6.7',
  },
  'v5-nak': {
    id: 'v5-nak',
    title: 'v5 (NAKed): old pages kept frozen in the cache',
    flags: { ...POST, drainAfterSwapin: false, oldPages: 'freeze-keep' },
    commits: [V5_REFACTOR, V5_UFFD, V5],
    sourceTag: 'v6.3',
  },
  // 6.12's collapse_file is v6.7's after the folio conversion (new_folio, folio_mark_uptodate before the
  // final xas_store under xa_lock, khugepaged.c 2176-2187); the steps this model has did not change.
  'v6.12': {
    id: 'v6.12',
    title: "v6.12 (6.12.117): today's kernel",
    flags: { ...POST, undoRangeSplits: true },
    commits: [P1, P2, P3, P4, FIXUP, ITER, UNDO],
    sourceTag: 'v6.12.117',
  },
  'v6.12+xas-fix': {
    id: 'v6.12+xas-fix',
    title: 'v6.12 + a fixed xas_find (not upstream: the intended behaviour of a fix)',
    flags: { ...POST, undoRangeSplits: true, xasFindFix: true },
    commits: [P1, P2, P3, P4, FIXUP, ITER, UNDO],
    sourceTag: 'v6.12.117',
  },
};

export const VARIANT_IDS = Object.keys(VARIANTS) as VariantId[];

export function isVariantId(s: string): s is VariantId {
  return Object.hasOwn(VARIANTS, s);
}
