// What a C reproducer does for a setup, decided before any C is written: the file at real scale (512
// pages for the slot range), which threads check what, where a truncate cuts the file, and what of the
// setup userspace cannot recreate.

import type { ActorKind, Setup, SlotKind } from '../engine/index.ts';
import { formatThread } from '../engine/index.ts';

/** x86-64's HPAGE_PMD_NR: the slot range becomes one 2 MiB huge range of 4 KiB pages. */
export const REAL_PAGES = 512;

/** How the rebuild leaves a page: a C enumerator name (the only thing of a slot that reaches the C). */
export type PageState = 'PG_HOLE' | 'PG_DATA' | 'PG_MAPPED' | 'PG_FALLOC' | 'PG_SWAPPED';

const STATE_OF: Readonly<Record<SlotKind, PageState>> = {
  '.': 'PG_HOLE',
  P: 'PG_DATA',
  M: 'PG_MAPPED',
  F: 'PG_FALLOC',
  S: 'PG_SWAPPED',
  // An H range is rebuilt written; the first collapse makes it huge again.
  H: 'PG_DATA',
};

/** A userspace call a checker thread loops; `page` is the first real page of the actor's slot. */
export type CheckKind = 'seek_data' | 'seek_hole' | 'mincore' | 'read' | 'write' | 'fault';
export interface Checker {
  readonly kind: CheckKind;
  readonly page: number;
  /** The actor as the setup wrote it (`seek_data:0`), for the result lines. */
  readonly name: string;
}

export interface SlotRun {
  /** First real page and number of pages. */
  readonly first: number;
  readonly count: number;
  readonly state: PageState;
}

export interface ReproPlan {
  readonly slots: number;
  readonly runs: readonly SlotRun[];
  readonly checkers: readonly Checker[];
  /**
   * True when every page is written and nothing else: rounds split the huge page by punching one page and
   * writing it back (xarray.md section 5), far cheaper than rebuilding all 512 pages.
   */
  readonly cheapSplit: boolean;
  /**
   * The first real page past the end of file a truncate thread cuts the file to, racing each collapse
   * (the first truncate thread of the setup; null without one). Rounds restore the size first.
   */
  readonly truncateTo: number | null;
  /** Pages a writer or a fault may turn from hole to data while checkers look: either answer is right. */
  readonly unsettled: readonly number[];
  /** The setup models the xarray tree (`|xa=C`); a real kernel's nodes always have 64 slots. */
  readonly xarrayModelled: boolean;
  /** What of the setup the program does not recreate, one sentence each, said in its header comment. */
  readonly notReproduced: readonly string[];
}

const CHECKED: ReadonlySet<ActorKind> = new Set<ActorKind>([
  'seek_data',
  'seek_hole',
  'mincore',
  'read',
  'write',
  'fault',
]);

/** Real page where slot `i` starts: slots share the 512 pages as evenly as whole pages allow. */
export function firstPage(slot: number, slots: number): number {
  return Math.floor((slot * REAL_PAGES) / slots);
}

function slotRuns(setup: Setup): SlotRun[] {
  const n = setup.slots.slots.length;
  const runs: SlotRun[] = [];
  setup.slots.slots.forEach((s, i) => {
    const first = firstPage(i, n);
    const count = firstPage(i + 1, n) - first;
    const state = STATE_OF[s.kind];
    const last = runs[runs.length - 1];
    if (last && last.state === state && last.first + last.count === first)
      runs[runs.length - 1] = { ...last, count: last.count + count };
    else runs.push({ first, count, state });
  });
  return runs;
}

function missing(setup: Setup): string[] {
  const out: string[] = [];
  const { slots, uffd } = setup.slots;
  if (slots.some((s) => s.pinned))
    out.push('long-term GUP pins (^): userspace holds no FOLL_PIN on a shmem page without a device.');
  if (slots.some((s) => s.batched))
    out.push('pages waiting in an lru_add batch (~): which CPU batch a page sits in is not selectable.');
  if (slots.some((s) => s.kind === 'S'))
    out.push(
      'swapped-out pages (S) are asked out with MADV_PAGEOUT, which needs swap; without it they stay.',
    );
  if (uffd) out.push('userfaultfd registration (|uffd).');
  const xa = setup.slots.xa;
  if (xa !== undefined && xa !== 64)
    out.push(`the xarray node size (|xa=${xa}): a real kernel's nodes have 64 slots, 8 to a 2 MiB range.`);
  const truncator = setup.threads.find((t) => t.actor === 'truncate');
  const others = setup.threads.filter(
    (t) => t.actor !== 'collapse' && t !== truncator && !CHECKED.has(t.actor),
  );
  if (others.length > 0)
    out.push(`threads not looped (no checker answers for them): ${others.map(formatThread).join(', ')}.`);
  return out;
}

/** The plan for a setup; null when it has no collapse thread, since the program races MADV_COLLAPSE. */
export function reproPlan(setup: Setup): ReproPlan | null {
  if (!setup.threads.some((t) => t.actor === 'collapse')) return null;
  const n = setup.slots.slots.length;
  const runs = slotRuns(setup);
  const checkers: Checker[] = [];
  for (const t of setup.threads) {
    if (!CHECKED.has(t.actor)) continue;
    // seek's offset may be the slot count (the end of the file); mincore takes no parameter.
    const page = t.actor === 'mincore' ? 0 : firstPage(t.param, n);
    checkers.push({ kind: t.actor as CheckKind, page, name: formatThread(t) });
  }
  // A write or a fault turns a hole or a fallocated page into data; a written page stays as it was.
  const holeAt = (page: number) =>
    runs.some(
      (r) =>
        page >= r.first && page < r.first + r.count && (r.state === 'PG_HOLE' || r.state === 'PG_FALLOC'),
    );
  const unsettled = [
    ...new Set(
      checkers.filter((c) => (c.kind === 'write' || c.kind === 'fault') && holeAt(c.page)).map((c) => c.page),
    ),
  ].sort((a, b) => a - b);
  const truncator = setup.threads.find((t) => t.actor === 'truncate');
  const truncateTo = truncator ? firstPage(truncator.param, n) : null;
  return {
    slots: n,
    runs,
    checkers,
    cheapSplit: truncateTo === null && runs.length === 1 && runs[0]?.state === 'PG_DATA',
    truncateTo,
    unsettled,
    xarrayModelled: setup.slots.xa !== undefined,
    notReproduced: missing(setup),
  };
}
