// A recorded race: a setup, a full schedule, and the story told step by step.

import type { InvariantId, VariantId } from '../engine/core.ts';

export interface Narration {
  /** Index of the step (0-based) this text follows. */
  readonly at: number;
  /** The step id expected there; a test checks it, so the story cannot drift from the engine. */
  readonly step: string;
  readonly text: string;
}

export interface SourceLink {
  readonly title: string;
  readonly url: string;
}

/** What the story is about, shown first and strongest on the page. */
export interface Target {
  /** The invariant the race is told for (its `breaks`), or null when its point is a result, not a break. */
  readonly invariant: InvariantId | null;
  /** What userspace should have seen, in its own words: the callout sets it beside what it did see. */
  readonly expected: string;
}

/**
 * What the page needs of a race before any of its text: the setup, the schedule and what it is about
 * (`catalog.ts` lists them all; the page loads the told part, `RaceText`, lazily).
 */
export interface RaceSetup {
  readonly id: string;
  readonly title: string;
  readonly kernel: VariantId;
  readonly slots: string;
  readonly threads: string;
  /** The thread stepped at each step, to the end of the run. */
  readonly schedule: readonly number[];
  /** Variants to show side by side with `kernel` (the fix, or the other side of the bug). */
  readonly compare: readonly VariantId[];
  /** The invariant this schedule breaks on `kernel`, or null for a race that is safe or only fails. */
  readonly breaks: InvariantId | null;
  /** What the collapse thread (thread 0) returns on `kernel`. */
  readonly collapseResult: string;
  readonly target: Target;
}

/** The told part of a race: in its own file, loaded by the page after its first render. */
export interface RaceText {
  /** Two or three sentences: who races whom, what userspace sees. */
  readonly story: string;
  readonly narration: readonly Narration[];
  readonly sources: readonly SourceLink[];
}

export interface Scenario extends RaceSetup, RaceText {}

/** A race as the page holds it: its setup, and its text once that has loaded. */
export type Race = RaceSetup & Partial<RaceText>;

export const lore = (title: string, msgid: string): SourceLink => ({
  title,
  url: `https://lore.kernel.org/all/${msgid}/`,
});
export const commit = (id: string, title: string): SourceLink => ({
  title: `${id} ${title}`,
  url: `https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/commit/?id=${id}`,
});
