// The compared kernel's side, computed from its inputs only (no store context is touched): both kernels
// run the same choices, each skipping those it cannot take and finishing round-robin (divergence.ts),
// then the first observable difference, the step-level one, and a verdict per kernel.

import type { KernelId } from '../engine/core.ts';
import type { SidePlan } from './divergence.ts';
import { firstObservableDivergence, firstStepDifference, verdictOf } from './divergence.ts';
import type { Replay, StepRecord } from './replay.ts';
import type { CompareView } from './types.ts';

export interface CompareInput {
  readonly main: { readonly variant: KernelId; readonly replay: Replay; readonly plan: SidePlan };
  readonly other: { readonly variant: KernelId; readonly replay: Replay; readonly plan: SidePlan };
  /** The loaded schedule's length and the cursor on it. */
  readonly scheduled: number;
  readonly cursor: number;
}

/** Runs a side's plan through its replay cache: its records to the end, and its world there. */
function runPlan(side: CompareInput['main']): { records: readonly StepRecord[]; end: number } {
  const run = side.replay.sync(side.plan.choices);
  return { records: run.records, end: run.records.length };
}

export function compareView(input: CompareInput): CompareView {
  const { main, other, scheduled, cursor } = input;
  const a = runPlan(main);
  const b = runPlan(other);
  const plans = { a: main.plan, b: other.plan };
  const names = { a: main.variant, b: other.variant };
  // At the end of the loaded schedule the compared side is shown at its own end (it went on round-robin).
  const at = cursor >= scheduled ? b.end : Math.min(other.plan.stepsAfter[cursor] ?? b.end, b.end);
  return {
    variant: other.variant,
    records: b.records,
    skipped: other.plan.skipped,
    divergence: firstObservableDivergence(a.records, b.records, plans, names),
    stepDifference: firstStepDifference(a.records, b.records, plans, names),
    verdicts: {
      main: verdictOf(a.records, main.variant, main.replay.worldAt(a.end)),
      other: verdictOf(b.records, other.variant, other.replay.worldAt(b.end)),
    },
    world: other.replay.worldAt(at),
    at,
  };
}
