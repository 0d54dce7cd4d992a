// The explorer for a worker that must stay responsive: checkSetupAsync runs in slices with a pause
// between them, so a 'cancel' message can land and stop it with the partial verdicts. The summary sent
// to the page drops worlds and step records (the page replays the schedule itself).

import type { Setup } from '../../engine/index.ts';
import type { Progress } from '../../explorer/index.ts';
import { checkSetupAsync, reachableResults } from '../../explorer/index.ts';
import type { CheckSummary, VerdictSummary } from './exploreProtocol.ts';

/** States expanded between pauses: a few tens of milliseconds on the kernel model. */
const SLICE = 20_000;

export interface SlicedOptions {
  readonly maxStates: number;
  readonly now: () => number;
  readonly pause: () => Promise<void>;
  readonly cancelled: () => boolean;
  readonly onProgress: (p: Progress) => void;
}

export async function checkInSlices(setup: Setup, o: SlicedOptions): Promise<CheckSummary> {
  const r = await checkSetupAsync(setup, {
    now: o.now,
    maxStates: o.maxStates,
    progressEvery: 5_000,
    pollEvery: 512,
    shouldCancel: o.cancelled,
    onProgress: o.onProgress,
    pause: o.pause,
    sliceStates: SLICE,
  });
  const invariants = r.invariants.map((v): VerdictSummary =>
    v.schedule
      ? {
          id: v.id,
          holds: false,
          schedule: [...v.schedule],
          ...(v.violation && { message: v.violation.message }),
        }
      : { id: v.id, holds: v.holds },
  );
  return {
    complete: r.complete,
    reason: r.reason,
    states: r.states,
    transitions: r.transitions,
    depth: r.depth,
    elapsedMs: r.elapsedMs,
    message: r.message,
    invariants,
    results: reachableResults(r),
  };
}
