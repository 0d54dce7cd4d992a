// Which kernels the model says a reproducer's race breaks: the setup checked on every variant, for the
// invariants its checkers can see (I1 for lseek, I2 for mincore, I3 for the data every round checks).

import type { InvariantId, Setup, VariantId } from '../engine/index.ts';
import { VARIANT_IDS } from '../engine/index.ts';
import { checkSetup } from '../explorer/index.ts';
import type { ReproPlan } from './plan.ts';

export interface ModelVerdict {
  readonly invariant: InvariantId;
  /** Variants where the explorer found a schedule breaking the invariant. */
  readonly broken: readonly VariantId[];
  /** Variants where the search stopped at its limit before deciding. */
  readonly unknown: readonly VariantId[];
}

export function watchedInvariants(plan: ReproPlan): InvariantId[] {
  const kinds = new Set(plan.checkers.map((c) => c.kind));
  const out: InvariantId[] = [];
  if (kinds.has('seek_data') || kinds.has('seek_hole')) out.push('seek');
  if (kinds.has('mincore')) out.push('mincore');
  out.push('data');
  return out;
}

/** Explores the setup on each variant (bounded by maxStates each); `now` is the caller's clock. */
export function modelVerdicts(
  setup: Setup,
  plan: ReproPlan,
  options: { readonly now: () => number; readonly maxStates: number },
): ModelVerdict[] {
  const results = VARIANT_IDS.map((variant) => ({ variant, r: checkSetup({ ...setup, variant }, options) }));
  return watchedInvariants(plan).map((invariant) => ({
    invariant,
    broken: results
      .filter(({ r }) => r.invariants.some((v) => v.id === invariant && v.holds === false))
      .map(({ variant }) => variant),
    unknown: results
      .filter(({ r }) => r.invariants.some((v) => v.id === invariant && v.holds === null))
      .map(({ variant }) => variant),
  }));
}
