// checkSetup() for a worker that must stay responsive: the same exploration (Explorer over the kernel
// model with partial-order reduction, BFS so every schedule found is a shortest one) run in slices with
// a pause between them, so a 'cancel' message can land and stop it with the partial verdicts. The
// summary drops worlds and step records (the page replays the schedule itself).

import type { Setup } from '../../engine/index.ts';
import type { Progress } from '../../explorer/index.ts';
import {
  createKernelModel,
  Explorer,
  INVARIANT_ORDER,
  reachableResults,
  replayViolation,
} from '../../explorer/index.ts';
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
  const model = createKernelModel(setup, { reduce: true });
  const explorer = new Explorer(model, {
    now: o.now,
    maxStates: o.maxStates,
    // As checkSetup does: kernel setups are small, start the typed arrays small.
    initialSlots: 1 << 10,
    chunkStates: 1 << 12,
    progressEvery: 5_000,
    pollEvery: 512,
    shouldCancel: o.cancelled,
    onProgress: o.onProgress,
  });
  while (!explorer.run(SLICE)) await o.pause();
  const r = explorer.result();
  const found = new Map(r.violations.map((v) => [INVARIANT_ORDER[v.id], v.schedule] as const));
  const invariants = INVARIANT_ORDER.map((id): VerdictSummary => {
    const schedule = found.get(id);
    if (!schedule) return { id, holds: r.complete ? true : null };
    const { violation } = replayViolation(setup, schedule, id);
    return { id, holds: false, schedule: [...schedule], ...(violation && { message: violation.message }) };
  });
  const outcomes = [...model.outcomes.values()].map((x) => ({
    results: x.results,
    schedule: explorer.scheduleTo(x.state),
  }));
  return {
    complete: r.complete,
    reason: r.reason,
    states: r.states,
    transitions: r.transitions,
    depth: r.depth,
    elapsedMs: r.elapsedMs,
    message: r.message,
    invariants,
    results: reachableResults({ setup, outcomes }),
  };
}
