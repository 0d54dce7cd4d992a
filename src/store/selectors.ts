// Derived views of the state. Selectors that build objects are memoised on their inputs (or used with
// useShallow) so components re-render only when what they show changes.

import type { Thread, Violation, World } from '../engine/core.ts';
import { describeBlock, formatThread, INVARIANTS, threadStatus, violationKey } from '../engine/core.ts';
import type { StepRecord } from '../engine/core.ts';
import { roundRobinChoice } from './scheduler.ts';
import type { SimState } from './types.ts';

export const selectCanStepBack = (s: SimState) => s.cursor > 0;
export const selectCanRedo = (s: SimState) => s.cursor < s.choices.length;
/** "Next" follows the recorded schedule, then goes on round-robin while some thread can run. */
export const selectCanStepForward = (s: SimState) =>
  s.cursor < s.choices.length || roundRobinChoice(s.frame.world, s.choices[s.cursor - 1] ?? -1) !== null;

export interface ShownViolation {
  readonly violation: Violation;
  readonly spec: string;
  readonly title: string;
  readonly record: StepRecord | null;
}

/** Every distinct violation found in the first `upTo` steps, first occurrence only. */
export function distinctViolations(records: readonly StepRecord[], upTo: number): ShownViolation[] {
  const seen = new Set<string>();
  const out: ShownViolation[] = [];
  for (const r of records.slice(0, upTo))
    for (const v of r.violations) {
      const key = violationKey(v);
      if (seen.has(key)) continue;
      seen.add(key);
      const inv = INVARIANTS[v.invariant];
      out.push({ violation: v, spec: inv.spec, title: inv.title, record: records[v.step] ?? r });
    }
  return out;
}

/**
 * The last answer per records array. Each store owns its records (a new array whenever its schedule
 * changes), so the cache is per store: two stores on one page never evict each other, and an entry goes
 * when its records do.
 */
const violationsOf = new WeakMap<readonly StepRecord[], { cursor: number; out: ShownViolation[] }>();
export function selectViolations(s: SimState): ShownViolation[] {
  const hit = violationsOf.get(s.records);
  if (hit?.cursor === s.cursor) return hit.out;
  const out = distinctViolations(s.records, s.cursor);
  violationsOf.set(s.records, { cursor: s.cursor, out });
  return out;
}

/** Steps at which a violation was first detected, for marking timeline chips. */
export function violationSteps(records: readonly StepRecord[]): ReadonlySet<number> {
  return new Set(distinctViolations(records, records.length).map((v) => v.violation.step));
}

export type ThreadState =
  | { readonly t: 'runnable' }
  | { readonly t: 'blocked'; readonly why: string }
  | { readonly t: 'done'; readonly result: string };

export function threadState(world: World, thread: Thread): ThreadState {
  const st = threadStatus(world, thread);
  if (st.t === 'done') return { t: 'done', result: thread.result ?? '' };
  if (st.t === 'blocked') return { t: 'blocked', why: describeBlock(world, st.block) };
  return { t: 'runnable' };
}

/** A thread's display name: T0 collapse, T1 seek_data:0 (the parameter only for actors that take one). */
export function threadName(t: Pick<Thread, 'id' | 'actor' | 'param'>): string {
  return `T${t.id} ${formatThread(t)}`;
}
