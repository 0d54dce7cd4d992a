// The explorer for a worker that must stay responsive: checkSetupAsync runs in slices with a pause
// between them, so a 'cancel' message can land and stop it with the partial verdicts. The summary sent
// to the page drops worlds and step records (the page replays the schedule itself).

import type { Setup } from '../../engine/index.ts';
import type { Progress } from '../../explorer/index.ts';
import { checkSetupAsync, reachableResults } from '../../explorer/index.ts';
import type { CheckSummary, VerdictSummary } from './exploreProtocol.ts';

/**
 * Work between pauses, by the clock: a state costs from microseconds (4 slots) to milliseconds (512
 * slots, eight threads), so a slice counted in states answered a cancel after 46 s. About 50 ms a slice
 * answers within 200 ms; progress goes out at least four times a second.
 */
const SLICE_MS = 50;
const PROGRESS_MS = 250;

export interface SlicedOptions {
  readonly maxStates: number;
  readonly now: () => number;
  readonly pause: () => Promise<void>;
  readonly cancelled: () => boolean;
  readonly onProgress: (p: Progress) => void;
  /** The memory guard (see memoryBudget.ts): the estimated use, and where to stop. */
  readonly memoryUsed?: () => number;
  readonly maxMemoryBytes?: number;
}

export async function checkInSlices(setup: Setup, o: SlicedOptions): Promise<CheckSummary> {
  const r = await checkSetupAsync(setup, {
    now: o.now,
    maxStates: o.maxStates,
    progressEvery: 5_000,
    progressMs: PROGRESS_MS,
    shouldCancel: o.cancelled,
    onProgress: o.onProgress,
    pause: o.pause,
    sliceStates: Infinity,
    sliceMs: SLICE_MS,
    ...(o.memoryUsed && { memoryUsed: o.memoryUsed }),
    ...(o.maxMemoryBytes !== undefined && { maxMemoryBytes: o.maxMemoryBytes }),
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
