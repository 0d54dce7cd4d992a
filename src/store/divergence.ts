// Where two kernels part ways on one schedule. Each side takes the schedule's choices, skipping those it
// cannot take, then goes on round-robin until no thread can run, so both reach their end. The difference
// reported first is the first *observable* one: a userspace result (or a thread's return value) that
// differs, or an invariant broken on one side only (by-design breaks excluded). A step-level difference
// (another kernel step at the same position) is kept as a secondary detail.

import type { InvariantId, KernelId, World } from '../engine/core.ts';
import { INVARIANTS, step } from '../engine/core.ts';
import { MAX_RUN_STEPS } from './defaults.ts';
import { expectedOnKernel } from './expected.ts';
import type { StepRecord } from './replay.ts';
import { runOut } from './scheduler.ts';

export interface Divergence {
  /** 0-based index of the loaded kernel's step where it shows (for "go to step"). */
  readonly step: number;
  /** 0-based index of the compared kernel's step where it shows. */
  readonly otherStep: number;
  readonly reason: string;
}

export interface SidePlan {
  /** The choices this kernel takes: the schedule's it can take, then round-robin to the end. */
  readonly choices: readonly number[];
  /** Schedule entries (0-based) it could not take, with why. */
  readonly skipped: readonly { readonly at: number; readonly message: string }[];
  /** stepsAfter[k]: steps this side has taken once it has dealt with the schedule's first k entries. */
  readonly stepsAfter: readonly number[];
}

/** Runs `schedule` on `initial` skipping impossible choices, then finishes round-robin. Pure. */
export function planSide(initial: World, schedule: readonly number[]): SidePlan {
  const choices: number[] = [];
  const skipped: { at: number; message: string }[] = [];
  const stepsAfter: number[] = [0];
  let w = initial;
  schedule.forEach((choice, k) => {
    const r = step(w, choice);
    if (r.ok) {
      choices.push(choice);
      w = r.world;
    } else skipped.push({ at: k, message: r.error.message });
    stepsAfter.push(choices.length);
  });
  choices.push(...runOut(w, choices[choices.length - 1] ?? -1, MAX_RUN_STEPS, null));
  return { choices, skipped, stepsAfter };
}

/** What a thread showed the outside world, in order: observations and its return value. */
interface Seen {
  readonly thread: number;
  readonly what: string;
  readonly value: string;
  readonly step: number;
}

function seenOf(records: readonly StepRecord[]): Seen[] {
  const out: Seen[] = [];
  for (const r of records)
    for (const e of r.events) {
      if (e.type === 'thread.observed')
        out.push({ thread: e.thread, what: e.what, value: e.value, step: r.index });
      // A userspace call's result is already its observation; a return value adds what is not (SCAN_*).
      if (
        e.type === 'thread.finished' &&
        !r.events.some((o) => o.type === 'thread.observed' && o.thread === e.thread)
      )
        out.push({ thread: e.thread, what: 'returns', value: e.result, step: r.index });
    }
  return out;
}

/** The first step breaking each invariant, those broken by design on `variant` left out. */
function brokenOf(records: readonly StepRecord[], variant: KernelId): Map<InvariantId, number> {
  const out = new Map<InvariantId, number>();
  for (const r of records)
    for (const v of r.violations)
      if (!expectedOnKernel(variant, v.invariant) && !out.has(v.invariant)) out.set(v.invariant, r.index);
  return out;
}

interface Names {
  readonly a: KernelId;
  readonly b: KernelId;
}

/** Maps a step of side b to the step of side a that dealt with the same schedule entry. */
function toMain(planB: SidePlan, planA: SidePlan, bStep: number): number {
  const k = planB.stepsAfter.findIndex((n) => n > bStep);
  if (k < 0) return Math.max(0, planA.choices.length - 1);
  return Math.max(0, (planA.stepsAfter[k] ?? planA.choices.length) - 1);
}

export function firstObservableDivergence(
  a: readonly StepRecord[],
  b: readonly StepRecord[],
  plans: { readonly a: SidePlan; readonly b: SidePlan },
  names: Names,
): Divergence | null {
  const candidates: Divergence[] = [];
  const sa = seenOf(a);
  const sb = seenOf(b);
  const threads = new Set([...sa, ...sb].map((s) => s.thread));
  for (const t of threads) {
    const xa = sa.filter((s) => s.thread === t);
    const xb = sb.filter((s) => s.thread === t);
    for (let k = 0; k < Math.max(xa.length, xb.length); k++) {
      const x = xa[k];
      const y = xb[k];
      if (x && y && x.what === y.what && x.value === y.value) continue;
      const what = x?.what ?? y?.what ?? '';
      const says = (s: Seen | undefined) =>
        s ? (s.what === what ? s.value : `${s.what} ${s.value}`) : 'nothing (it never returns)';
      const head = what === 'returns' ? `T${t} returns` : `T${t} ${what} =`;
      const step = x ? x.step : y ? toMain(plans.b, plans.a, y.step) : 0;
      candidates.push({
        step,
        otherStep: y?.step ?? b.length - 1,
        reason: `${head} ${says(x)} on ${names.a} but ${says(y)} on ${names.b}`,
      });
      break;
    }
  }
  const ba = brokenOf(a, names.a);
  const bb = brokenOf(b, names.b);
  for (const [inv, at] of ba)
    if (!bb.has(inv))
      candidates.push({
        step: at,
        otherStep: b.length - 1,
        reason: `${INVARIANTS[inv].spec} ${inv} breaks on ${names.a}, holds on ${names.b}`,
      });
  for (const [inv, at] of bb)
    if (!ba.has(inv))
      candidates.push({
        step: toMain(plans.b, plans.a, at),
        otherStep: at,
        reason: `${INVARIANTS[inv].spec} ${inv} holds on ${names.a}, breaks on ${names.b}`,
      });
  // The earliest on the loaded kernel; a result before an invariant at the same step (it is what users see).
  candidates.sort((x, y) => x.step - y.step);
  return candidates[0] ?? null;
}

/** Secondary detail: the first schedule entry at which the two kernels take a different kernel step. */
export function firstStepDifference(
  a: readonly StepRecord[],
  b: readonly StepRecord[],
  plans: { readonly a: SidePlan; readonly b: SidePlan },
  names: Names,
): Divergence | null {
  const skipped = plans.b.skipped[0];
  for (let k = 0; k < a.length; k++) {
    const x = a[k];
    if (!x) break;
    if (skipped?.at === k)
      return {
        step: k,
        otherStep: plans.b.stepsAfter[k] ?? 0,
        reason: `T${x.thread} cannot take this step on ${names.b} (skipped): ${skipped.message}`,
      };
    const j = (plans.b.stepsAfter[k + 1] ?? 0) - 1;
    const y = b[j];
    if (!y) break;
    if (x.stepId !== y.stepId)
      return {
        step: k,
        otherStep: j,
        reason: `T${x.thread} runs ${x.label} on ${names.a} but ${y.label} on ${names.b}`,
      };
  }
  return null;
}

/** One kernel's end in a line: what userspace saw, and which invariants broke. */
export interface Verdict {
  readonly variant: KernelId;
  readonly seen: readonly string[];
  readonly broken: readonly string[];
  /** True when the side's threads did not all finish (a deadlock). */
  readonly stuck: boolean;
}

export function verdictOf(records: readonly StepRecord[], variant: KernelId, world: World): Verdict {
  const last = new Map<string, string>();
  for (const s of seenOf(records))
    last.set(`T${s.thread} ${s.what}`, `${s.what === 'returns' ? `T${s.thread}` : s.what} = ${s.value}`);
  const broken = [...brokenOf(records, variant).keys()].map((inv) => `${INVARIANTS[inv].spec} broken`);
  const stuck = world.threads.some((t) => !t.done && t.actor !== 'uffd_monitor');
  return { variant, seen: [...last.values()], broken, stuck };
}

export function verdictText(v: Verdict): string {
  const parts = [...v.seen, ...(v.broken.length ? v.broken : ['all hold'])];
  if (v.stuck) parts.push('stuck');
  return `${v.variant}: ${parts.join(', ')}`;
}
