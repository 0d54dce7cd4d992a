// Compare mode: the same setup on two kernel variants, per invariant; and a counterexample found on one
// replayed on the other step by step, to show where the two part ways.

import type { Setup, KernelId, World } from '../../engine/index.ts';
import { createWorld, step, describeBlock } from '../../engine/index.ts';
import type { CheckOptions, CheckResult } from './check.ts';
import { checkSetup } from './check.ts';

export interface Divergence {
  /** Index of the first step where the second variant differs, or null if it follows to the end. */
  readonly at: number | null;
  readonly reason: string;
}

export interface InvariantDiff {
  readonly id: CheckResult['invariants'][number]['id'];
  readonly a: boolean | null;
  readonly b: boolean | null;
  /** A's (or else B's) counterexample replayed on the other variant. */
  readonly replay?: { readonly from: KernelId; readonly on: KernelId; readonly divergence: Divergence };
}

export interface CompareResult {
  readonly a: CheckResult;
  readonly b: CheckResult;
  readonly diffs: readonly InvariantDiff[];
}

export function compareVariants(setup: Setup, other: KernelId, o: CheckOptions): CompareResult {
  const a = checkSetup(setup, o);
  const b = checkSetup({ ...setup, variant: other }, o);
  const diffs = a.invariants.flatMap((va, i): InvariantDiff[] => {
    const vb = b.invariants[i];
    if (!vb || va.holds === vb.holds) return [];
    const [from, on, schedule] = va.schedule ? [a, b, va.schedule] : [b, a, vb.schedule ?? []];
    const divergence = replayOn(from.setup, on.setup.variant, schedule, va.id);
    return [
      {
        id: va.id,
        a: va.holds,
        b: vb.holds,
        replay: { from: from.setup.variant, on: on.setup.variant, divergence },
      },
    ];
  });
  return { a, b, diffs };
}

/** What a lockless observer could tell apart in one slot. */
function slotView(w: World, i: number): string {
  const e = w.slots[i];
  if (!e || e.t !== 'folio')
    return e?.t === 'swap' ? 'a swap entry' : e?.t === 'retry' ? 'a retry entry' : 'a hole';
  const f = w.folios[e.folio];
  if (!f) return 'a freed folio';
  const what = f.hpageOf !== null ? 'the huge page' : f.huge ? 'a huge page' : 'a page';
  return `${what} (${f.uptodate ? 'uptodate' : '!uptodate'}${f.frozenBy !== null ? ', frozen' : ''})`;
}

function firstDifference(a: World, b: World): string | null {
  for (let i = 0; i < a.n; i++) {
    const va = slotView(a, i);
    const vb = slotView(b, i);
    if (va !== vb) return `slot ${i} holds ${va} on ${a.variant} but ${vb} on ${b.variant}`;
  }
  for (const ta of a.threads) {
    const tb = b.threads[ta.id];
    if (tb && ta.result !== tb.result)
      return `T${ta.id} ${ta.actor} ends with ${ta.result ?? '(running)'} on ${a.variant} but ${tb.result ?? '(running)'} on ${b.variant}`;
  }
  return null;
}

/**
 * Replays a schedule from one variant on another and reports the first step after which a lockless
 * observer would see a difference (a slot's content or uptodate flag, or a thread's result), or the
 * first step the other variant cannot take.
 */
export function replayOn(
  setup: Setup,
  variant: KernelId,
  schedule: readonly number[],
  invariant: string,
): Divergence {
  let wa = createWorld(setup);
  let wb = createWorld({ ...setup, variant });
  for (let k = 0; k < schedule.length; k++) {
    const tid = schedule[k] ?? -1;
    const rb = step(wb, tid);
    const ra = step(wa, tid);
    if (!rb.ok) {
      const why = rb.error.kind === 'thread-blocked' ? describeBlock(wb, rb.error.block) : rb.error.message;
      return { at: k, reason: `step ${k + 1}: T${tid} cannot take its step on ${variant}: ${why}` };
    }
    if (!ra.ok) return { at: k, reason: `step ${k + 1}: the schedule does not replay on ${setup.variant}` };
    wa = ra.world;
    wb = rb.world;
    const diff = firstDifference(wa, wb);
    if (diff) {
      const label = ra.events[0]?.type === 'thread.stepped' ? ra.events[0].label : '';
      return { at: k, reason: `after step ${k + 1} (T${tid} ${label}): ${diff}` };
    }
  }
  return {
    at: null,
    reason: `the whole schedule replays on ${variant} with the same observations, without breaking ${invariant}`,
  };
}
