// Runs a schedule (a list of thread indexes), then finishes the threads round-robin.

import { isDaemon } from './roles.ts';
import { runnableThreads } from './status.ts';
import type { StepError, StepResult } from './step.ts';
import { step } from './step.ts';
import type { EngineEvent, InvariantId, ThreadId, Violation, World } from './types.ts';

export interface StepRecord {
  readonly index: number;
  readonly thread: ThreadId;
  readonly stepId: string;
  readonly label: string;
  readonly events: readonly EngineEvent[];
  readonly violations: readonly Violation[];
  /** True for steps past the given schedule, chosen round-robin. */
  readonly auto: boolean;
}

/** The record of step `index`, which thread `thread` took with result r (the one builder of a record). */
export function stepRecord(
  index: number,
  thread: ThreadId,
  r: Extract<StepResult, { ok: true }>,
  auto: boolean,
): StepRecord {
  const stepped = r.events[0];
  return {
    index,
    thread,
    stepId: stepped?.type === 'thread.stepped' ? stepped.step : '',
    label: stepped?.type === 'thread.stepped' ? stepped.label : '',
    events: r.events,
    violations: r.violations,
    auto,
  };
}

/**
 * Who runs when nobody chooses: the next runnable thread after the last one to step, wrapping around
 * (null when none can run). runSchedule finishes a run this way; the page's "next" and "finish" too.
 */
export function roundRobinNext(ready: readonly ThreadId[], last: ThreadId): ThreadId | null {
  return ready.find((id) => id > last) ?? ready[0] ?? null;
}

export interface RunResult {
  readonly initial: World;
  readonly world: World;
  readonly steps: readonly StepRecord[];
  /** Every distinct violation, in the order found. */
  readonly violations: readonly Violation[];
  /** The schedule entry that could not be taken, if any. */
  readonly error: { readonly at: number; readonly error: StepError } | null;
  /** The threads could not all finish (deadlock, or the step cap was reached). */
  readonly stuck: string | null;
}

/** State invariants that stay broken for a while are reported once, at the first step that breaks them. */
const ONCE: ReadonlySet<InvariantId> = new Set(['uptodate', 'atomic-switch', 'beyond-eof']);

export function violationKey(v: Violation): string {
  return ONCE.has(v.invariant) ? v.invariant : `${v.invariant}|${v.message}`;
}

export function runSchedule(
  initial: World,
  schedule: readonly number[],
  options: { maxSteps?: number; finish?: boolean } = {},
): RunResult {
  const maxSteps = options.maxSteps ?? 20_000;
  const steps: StepRecord[] = [];
  const violations: Violation[] = [];
  const seen = new Set<string>();
  let world = initial;
  const take = (choice: number, auto: boolean): StepError | null => {
    const r = step(world, choice);
    if (!r.ok) return r.error;
    steps.push(stepRecord(steps.length, choice, r, auto));
    for (const v of r.violations) {
      const key = violationKey(v);
      if (!seen.has(key)) {
        seen.add(key);
        violations.push(v);
      }
    }
    world = r.world;
    return null;
  };
  for (let k = 0; k < schedule.length; k++) {
    const e = take(schedule[k] ?? -1, false);
    if (e) return { initial, world, steps, violations, error: { at: k, error: e }, stuck: null };
  }
  let stuck: string | null = null;
  if (options.finish !== false) {
    let last = schedule.length > 0 ? (schedule[schedule.length - 1] ?? -1) : -1;
    while (steps.length < maxSteps) {
      const ready = runnableThreads(world);
      if (ready.length === 0) break;
      const next = roundRobinNext(ready, last) ?? 0;
      const e = take(next, true);
      if (e) return { initial, world, steps, violations, error: { at: steps.length, error: e }, stuck: null };
      last = next;
    }
    if (steps.length >= maxSteps) stuck = `stopped after ${maxSteps} steps`;
    else if (world.threads.some((t) => !t.done && !isDaemon(t))) stuck = 'no thread can run';
  }
  return { initial, world, steps, violations, error: null, stuck };
}
