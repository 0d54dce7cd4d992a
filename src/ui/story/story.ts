// Which broken invariant is the story on screen: a recorded race's target first; invariants a pre-series
// kernel breaks by design (I7, I8 while old pages are frozen and replaced: v6.3..p3) in their own muted
// group, so a newcomer does not take step 7's I7 for the bug.

import type { InvariantId, KernelId } from '../../engine/core.ts';
import type { ShownViolation } from '../../store/index.ts';
import { expectedOnKernel } from '../../store/index.ts';

export { expectedOnKernel };

export interface GroupedViolations {
  /** The story's invariant (a recorded race's target; else the first unexpected one). */
  readonly target: readonly ShownViolation[];
  readonly others: readonly ShownViolation[];
  /** Broken by design on this kernel. */
  readonly expected: readonly ShownViolation[];
}

export function groupViolations(
  shown: readonly ShownViolation[],
  variant: KernelId,
  target: InvariantId | null,
): GroupedViolations {
  const expected = shown.filter((v) => expectedOnKernel(variant, v.violation.invariant));
  const real = shown.filter((v) => !expectedOnKernel(variant, v.violation.invariant));
  const wanted = target ?? real[0]?.violation.invariant ?? null;
  return {
    target: real.filter((v) => v.violation.invariant === wanted),
    others: real.filter((v) => v.violation.invariant !== wanted),
    expected,
  };
}

/** The violation the callout tells: the story's first, once the cursor is past it. */
export function storyViolation(
  shown: readonly ShownViolation[],
  variant: KernelId,
  target: InvariantId | null,
): ShownViolation | null {
  return groupViolations(shown, variant, target).target[0] ?? null;
}
