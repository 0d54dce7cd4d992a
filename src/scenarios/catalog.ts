// The recorded races' setups, in the order the page lists them; the first is the default. The page loads
// only this list before its first render: each race's story, narration and sources (its own file,
// `seekData.ts` and so on) load lazily (`texts.ts`). A race file spreads its entry here (`race(id)`).

import type { RaceSetup } from './scenario.ts';

export const RACES: readonly RaceSetup[] = [
  {
    id: 'seek-data',
    title: 'SEEK_DATA loses data during a collapse',
    kernel: 'v6.3',
    slots: 'PPPP',
    threads: 'collapse,seek_data:0',
    schedule: [
      0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ],
    compare: ['v6.4'],
    breaks: 'seek',
    collapseResult: 'SCAN_SUCCEED',
    target: { invariant: 'seek', expected: 'lseek(SEEK_DATA, 0) = 0: slots 0-3 held data the whole time' },
  },
  {
    id: 'mincore',
    title: 'mincore reports a mapped page as not resident',
    kernel: 'v6.3',
    slots: 'MPPP',
    threads: 'collapse,mincore',
    schedule: [
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
      0, 0, 0, 0, 0, 0,
    ],
    compare: ['v6.4'],
    breaks: 'mincore',
    collapseResult: 'SCAN_SUCCEED',
    target: {
      invariant: 'mincore',
      expected: 'every page reported resident (1): its data never left memory',
    },
  },
  {
    id: 'frozen-deadlock',
    title: 'v5 deadlock: mincore spins on a frozen page holding the PTL',
    kernel: 'v5-nak',
    slots: 'PMPP',
    threads: 'collapse,mincore',
    schedule: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0],
    compare: ['v6.4', 'v6.3'],
    breaks: 'progress',
    collapseResult: '(stuck)',
    target: {
      invariant: 'progress',
      expected: 'both threads finish: mincore returns and collapse completes or backs off',
    },
  },
  {
    id: 'uffd-hole',
    title: 'userfaultfd MISSING hole filled behind the monitor',
    kernel: 'v6.3',
    slots: 'PP.P|uffd',
    threads: 'collapse,fault:2',
    schedule: [
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1,
    ],
    compare: ['v6.3+p3', 'v6.4'],
    breaks: 'uffd',
    collapseResult: 'SCAN_SUCCEED',
    target: {
      invariant: 'uffd',
      expected: 'the fault on slot 2 raises a userfaultfd event and the monitor supplies the page',
    },
  },
  {
    id: 'lru-drain',
    title: 'A swapped-out page makes every collapse fail',
    kernel: 'v6.3',
    slots: 'PPSP',
    threads: 'collapse',
    schedule: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    compare: ['v6.3+p1'],
    breaks: null,
    collapseResult: 'SCAN_DEL_PAGE_LRU',
    target: {
      invariant: null,
      expected: 'SCAN_SUCCEED once the swapped-in page is drained to the LRU (patch 1/4)',
    },
  },
  {
    id: 'fast-gup',
    title: 'Fast GUP against the count check: safe',
    kernel: 'v6.4',
    slots: 'MPPP',
    threads: 'collapse,gup_fast:0',
    schedule: [
      0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
      0, 1, 1, 1, 1, 1,
    ],
    compare: ['v6.3'],
    breaks: null,
    collapseResult: 'SCAN_PTE_MAPPED_HUGEPAGE',
    target: {
      invariant: null,
      expected: 'fast GUP drops its reference and faults the huge page in: no old page is kept',
    },
  },
  {
    id: 'truncate-huge',
    title: 'Truncate removes the whole new huge page',
    kernel: 'v6.4',
    slots: 'P.PP',
    threads: 'collapse,truncate:1',
    schedule: [
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0,
      0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    ],
    compare: ['v6.7'],
    breaks: 'data',
    collapseResult: 'SCAN_SUCCEED',
    target: { invariant: 'data', expected: 'slot 0 keeps its data (1): it lies below the new end of file' },
  },
  {
    id: 'hole-filled',
    title: 'A write fills a hole during the collapse: SCAN_PAGE_FILLED',
    kernel: 'v6.4',
    slots: 'PP.P',
    threads: 'collapse,write:2',
    schedule: [
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ],
    compare: ['v6.3'],
    breaks: null,
    collapseResult: 'SCAN_PAGE_FILLED',
    target: {
      invariant: null,
      expected: 'the write to slot 2 survives: collapse backs off with SCAN_PAGE_FILLED',
    },
  },
  {
    id: 'iteration-bug',
    title: 'v6.4-rc1: collapse trips over its own page (SCAN_PAGE_LOCK)',
    kernel: 'v6.4-rc1',
    slots: 'P...',
    threads: 'collapse',
    schedule: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    compare: ['v6.4'],
    breaks: null,
    collapseResult: 'SCAN_PAGE_LOCK',
    target: { invariant: null, expected: 'SCAN_SUCCEED, as on v6.4 after c8a8f3b4a95a' },
  },
  {
    id: 'xarray-seek-hole',
    title: "SEEK_HOLE reports a hole at a node boundary (today's kernels)",
    kernel: 'v6.12',
    slots: 'PPPPPPPP|xa=4',
    threads: 'collapse,seek_hole:0',
    schedule: [
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1,
      0, 0, 0, 0, 0,
    ],
    compare: ['v6.12+xas-fix'],
    breaks: 'seek',
    collapseResult: 'SCAN_SUCCEED',
    target: { invariant: 'seek', expected: 'lseek(SEEK_HOLE, 0) = 8: the file has no hole before its end' },
  },
  {
    id: 'xarray-truncate-eof',
    title: "Truncate leaves old data past EOF in the huge page (today's kernels)",
    kernel: 'v6.12',
    slots: 'PP..PPPP|xa=4',
    threads: 'collapse,truncate:2',
    schedule: [
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0,
      0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1,
    ],
    compare: ['v6.12+xas-fix'],
    breaks: 'beyond-eof',
    collapseResult: 'SCAN_SUCCEED',
    target: {
      invariant: 'beyond-eof',
      expected:
        'slots 4-7, past the new end of file, read zeros: truncate zeroes the part of the huge page beyond i_size',
    },
  },
];

/** The race with this id (a race file's own entry: a typo there fails at load, not later). */
export function race(id: string): RaceSetup {
  const r = RACES.find((x) => x.id === id);
  if (!r) throw new Error(`no recorded race "${id}" in catalog.ts`);
  return r;
}

export const DEFAULT_RACE: RaceSetup = race('seek-data');

export function raceById(id: string): RaceSetup | undefined {
  return RACES.find((s) => s.id === id);
}

/** The recorded race whose setup (kernel, slots, threads, as typed) is this one, if any. */
export function raceForSetup(setup: {
  readonly kernel: string;
  readonly slots: string;
  readonly threads: string;
}): RaceSetup | undefined {
  return RACES.find(
    (x) => x.kernel === setup.kernel && x.slots === setup.slots && x.threads === setup.threads,
  );
}
