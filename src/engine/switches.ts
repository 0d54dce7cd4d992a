// The switches of a kernel string (`v6.4/old-pages=freeze-keep`): one per decision the engine
// distinguishes (a field of VariantFlags), each with the commit that made it and what the code change is.
// Boolean switches take `on` / `off`; the others take the values listed.

import { COMMITS, type Commit, type VariantFlags } from './variants.ts';

export interface SwitchValue {
  /** As typed in a kernel string. */
  readonly name: string;
  readonly flag: VariantFlags[keyof VariantFlags];
  /** The commit (or posting) that brought this value in; null for the code before the series. */
  readonly commit: Commit | null;
}

export interface SwitchDef {
  /** Kebab-case, as typed. */
  readonly name: string;
  readonly flag: keyof VariantFlags;
  /** One line: the code change the switch stands for. */
  readonly description: string;
  readonly values: readonly SwitchValue[];
}

/** A boolean switch: `on` is the commit's change, `off` the code without it. */
function onOff(
  name: string,
  flag: keyof VariantFlags,
  commit: Commit | null,
  description: string,
): SwitchDef {
  return {
    name,
    flag,
    description,
    values: [
      { name: 'on', flag: true, commit },
      { name: 'off', flag: false, commit: null },
    ],
  };
}

/** Not upstream: the intended behaviour of a fix (shared/domain/xarray.md §4). */
const XAS_FIND_FIX: Commit = {
  id: 'not upstream',
  title: 'xas_find goes back to a skipped canonical entry (the intended behaviour of a fix)',
  url: 'https://elixir.bootlin.com/linux/v6.12.117/source/lib/xarray.c',
};

/** In the order of the series, then the later fixes. */
export const SWITCHES: readonly SwitchDef[] = [
  onOff(
    'drain-after-swapin',
    'drainAfterSwapin',
    COMMITS.P1,
    'lru_add_drain() after shmem_get_folio() swaps a page in, so the page can be isolated from the LRU',
  ),
  onOff(
    'init-hpage-first',
    'initHpageFirst',
    COMMITS.P2,
    'lock and initialise the huge page before xas_create_range() instead of after it',
  ),
  onOff(
    'holes-stay-empty',
    'holesStayEmpty',
    COMMITS.P3,
    'the scan charges a hole but leaves it empty instead of storing the huge page in it',
  ),
  onOff(
    'uffd-check',
    'uffdCheck',
    COMMITS.P3,
    'after the copy, re-check the holes under xa_lock (SCAN_PAGE_FILLED) and refuse a userfaultfd-MISSING VMA (SCAN_EXCEED_NONE_PTE)',
  ),
  {
    name: 'old-pages',
    flag: 'oldPages',
    description:
      'each old page: frozen and replaced by the huge page in the scan (v6.3), frozen in place (v5), or only its count checked and kept in the cache until the final store (4/4)',
    values: [
      { name: 'freeze-replace', flag: 'freeze-replace', commit: null },
      { name: 'freeze-keep', flag: 'freeze-keep', commit: COMMITS.V5 },
      { name: 'count-keep', flag: 'count-keep', commit: COMMITS.P4 },
    ],
  },
  {
    name: 'commit-order',
    flag: 'commitOrder',
    description:
      'after the scan: store, copy and free page by page, then uptodate (v6.3); copy, free, store, uptodate (mm-unstable); copy, store, uptodate, free (p3); copy, then uptodate and store under one xa_lock (4/4)',
    values: [
      { name: 'v6.3', flag: 'v6.3', commit: null },
      { name: 'mm-unstable', flag: 'mm-unstable', commit: COMMITS.COPY_MC },
      { name: 'p3', flag: 'p3', commit: COMMITS.P3 },
      { name: 'post', flag: 'post', commit: COMMITS.P4 },
    ],
  },
  {
    ...onOff(
      'iteration-bug',
      'iterationBug',
      COMMITS.P4,
      'the xas_set(index) after re-taking xa_lock that 4/4 left in: the next xas_next returns the page just collected again (v6.4-rc1, DEBUG_VM=n)',
    ),
    values: [
      { name: 'on', flag: true, commit: COMMITS.P4 },
      { name: 'off', flag: false, commit: COMMITS.ITER },
    ],
  },
  onOff(
    'undo-range-splits',
    'undoRangeSplits',
    COMMITS.UNDO,
    "shmem_undo_range's second pass splits or zeroes a huge page that straddles the range instead of removing it whole",
  ),
  onOff(
    'xas-find-fix',
    'xasFindFix',
    XAS_FIND_FIX,
    'xas_find, meeting a sibling whose canonical entry the walk has not returned, goes back to that entry (only |xa setups)',
  ),
];

export const SWITCH_NAMES: readonly string[] = SWITCHES.map((s) => s.name);

export function switchNamed(name: string): SwitchDef | undefined {
  return SWITCHES.find((s) => s.name === name);
}

/** The value a flag setting is spelt as. */
export function valueOf(def: SwitchDef, flags: VariantFlags): SwitchValue {
  const v = def.values.find((x) => x.flag === flags[def.flag]);
  if (!v) throw new Error(`switch ${def.name} has no value for ${String(flags[def.flag])}`);
  return v;
}
