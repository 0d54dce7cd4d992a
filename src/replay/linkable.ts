// Which replays a link can carry. Format B (formatB.ts) carries any setup as text, so the only limit is
// the schedule's length (MAX_STEPS); past it a caller gets the sentence saying why there is no link.
// Format A (formatV1.ts, frozen, no longer written) knew eight kernels and no setup option but `|uffd`:
// formatACarries tells the golden tests which recorded races have format A links to keep checking.

import { modelOf, type Setup } from '../engine/index.ts';
import type { Replay } from './replay.ts';
import { MAX_STEPS } from './replay.ts';
import { replayLink } from './link.ts';

const FORMAT_A_KERNELS: readonly string[] = [
  'v6.3',
  'v6.3+p1',
  'v6.3+p2',
  'v6.3+p3',
  'v6.4-rc1',
  'v6.4',
  'v6.7',
  'v5-nak',
];

/** True when format A could carry this setup (compared with `compare`). */
export function formatACarries(setup: Setup, compare: string | null = null): boolean {
  return (
    setup.slots.xa === undefined &&
    FORMAT_A_KERNELS.includes(setup.variant) &&
    // Format A predates the khugepaged actor and model 2 (modelVersion.ts).
    !setup.threads.some((t) => t.actor === 'khugepaged') &&
    modelOf(setup) === 1 &&
    (compare === null || FORMAT_A_KERNELS.includes(compare))
  );
}

/** Why no link can be made for this replay, or null when one can. */
export function linkProblem(r: Pick<Replay, 'choices'>, limit = MAX_STEPS): string | null {
  return r.choices.length > limit
    ? `no replay link: this run took ${r.choices.length} steps and a link carries at most ${limit}`
    : null;
}

/** The replay link, or the sentence saying why there is none. */
export function linkOrReason(
  base: string,
  r: Replay,
  limit = MAX_STEPS,
): { readonly url: string } | { readonly reason: string } {
  const why = linkProblem(r, limit);
  return why === null ? { url: replayLink(base, r) } : { reason: why };
}
