// Exhaustive check of one setup: per invariant, proved in this setup or broken by a shortest schedule
// (replayed through the engine to name the violation). Host-neutral: the clock is injected.

import type { InvariantId, Setup, StepRecord, Violation } from '../../engine/index.ts';
import { createWorld, runSchedule } from '../../engine/index.ts';
import { Explorer } from '../explorer.ts';
import type { ExploreResult, Progress } from '../types.ts';
export { reachableResults } from './outcomes.ts';
import { createKernelModel, INVARIANT_ORDER } from './kernelModel.ts';

export interface CheckOptions {
  readonly now: () => number;
  /** The host's memory in use, in bytes (e.g. the process's resident set); see ExploreOptions. */
  readonly memoryUsed?: () => number;
  /** What the limit polls read instead of memoryUsed, if given: a cheaper, sometimes older reading. */
  readonly memoryPoll?: () => number;
  readonly maxMemoryBytes?: number;
  readonly maxStates?: number;
  readonly timeLimitMs?: number;
  /** Partial-order reduction (default on); results are the same, with fewer states. */
  readonly reduce?: boolean;
  /** The search without this session's speed-ups (see KernelModelOptions.baseline): same results. */
  readonly baseline?: boolean;
  readonly onProgress?: (p: Progress) => void;
  /** Stored states between progress reports, and expanded states between cancel polls. */
  readonly progressEvery?: number;
  readonly pollEvery?: number;
  /** Progress at least this often (milliseconds of `now()`), however slow the states. */
  readonly progressMs?: number;
  readonly shouldCancel?: () => boolean;
}

export interface InvariantVerdict {
  readonly id: InvariantId;
  /** true: holds in every reachable state; false: broken; null: not broken so far, search incomplete. */
  readonly holds: boolean | null;
  readonly schedule?: readonly number[];
  /** The violation the schedule ends in, as the engine reports it. */
  readonly violation?: Violation;
  readonly steps?: readonly StepRecord[];
}

export interface CheckResult {
  readonly setup: Setup;
  readonly complete: boolean;
  readonly reason: ExploreResult['reason'];
  readonly states: number;
  readonly transitions: number;
  readonly depth: number;
  readonly elapsedMs: number;
  readonly bytesPerState: number;
  /** What the search holds, part by part (bytes). */
  readonly memory: MemoryReport;
  readonly message: string;
  readonly invariants: readonly InvariantVerdict[];
  /**
   * The distinct ends of the run: each thread's result (null when it never finished) where nothing can
   * run any more, with a shortest schedule. Shows what can never happen, e.g. a collapse that never succeeds.
   */
  readonly outcomes: readonly {
    readonly results: readonly (string | null)[];
    readonly schedule: readonly number[];
  }[];
  /** Engine faults met while exploring; empty unless the model itself is wrong. */
  readonly faults: readonly string[];
}

export interface MemoryReport {
  /** The visited set: hash table, state words (in BFS order: the queue), parents and choices. */
  readonly visitedSet: number;
  /** The interned world encodings (bytes, starts, hashes, table). */
  readonly encodings: number;
  /** The model's per-state JS arrays (violation masks, the queued worlds' slots): 8 bytes a slot. */
  readonly indexArrays: number;
  /** States whose whole World is still held, waiting in the queue (their size is in `measured`). */
  readonly queuedWorlds: number;
  /** How much the host's memory grew during the search, when the host measures it (else null). */
  readonly measured: number | null;
}

/** A check in progress: run it in slices (a Web Worker pauses between them to hear a cancel). */
export interface RunningCheck {
  /** Expands up to `budget` more states for at most about `sliceMs`; true once the search has stopped. */
  run(budget?: number, sliceMs?: number): boolean;
  result(): CheckResult;
}

export function startCheck(setup: Setup, o: CheckOptions): RunningCheck {
  const model = createKernelModel(setup, {
    reduce: o.reduce ?? true,
    ...(o.baseline !== undefined && { baseline: o.baseline }),
  });
  const explorer: Explorer = new Explorer(model, {
    now: o.now,
    // Kernel setups are small next to the reference model: start the typed arrays small.
    initialSlots: 1 << 10,
    chunkStates: 1 << 12,
    ...(o.maxStates !== undefined && { maxStates: o.maxStates }),
    ...(o.timeLimitMs !== undefined && { timeLimitMs: o.timeLimitMs }),
    ...(o.onProgress && { onProgress: o.onProgress }),
    ...(o.progressEvery !== undefined && { progressEvery: o.progressEvery }),
    ...(o.pollEvery !== undefined && { pollEvery: o.pollEvery }),
    ...(o.progressMs !== undefined && { progressMs: o.progressMs }),
    ...(o.shouldCancel && { shouldCancel: o.shouldCancel }),
    // Without a host measure, a memory limit holds against what the search itself has allocated.
    ...((o.memoryUsed !== undefined || o.maxMemoryBytes !== undefined) && {
      memoryUsed:
        o.memoryPoll ??
        o.memoryUsed ??
        ((): number => explorer.bytes + model.pool.byteSize + 3 * 8 * model.pool.count),
    }),
    ...(o.maxMemoryBytes !== undefined && { maxMemoryBytes: o.maxMemoryBytes }),
  });
  const memoryAtStart = o.memoryUsed?.() ?? null;
  return {
    run: (budget, sliceMs) => explorer.run(budget, sliceMs),
    result: () => {
      const r = explorer.result();
      const outcomes = [...model.outcomes.values()].map((x) => ({
        results: x.results,
        schedule: explorer.scheduleTo(x.state),
      }));
      const byId = new Map(r.violations.map((v) => [INVARIANT_ORDER[v.id], v.schedule] as const));
      const invariants = INVARIANT_ORDER.map((id): InvariantVerdict => {
        const schedule = byId.get(id);
        if (!schedule) return { id, holds: r.complete ? true : null };
        return { id, holds: false, schedule, ...replayViolation(setup, schedule, id) };
      });
      return {
        setup,
        complete: r.complete,
        reason: r.reason,
        states: r.states,
        transitions: r.transitions,
        depth: r.depth,
        elapsedMs: r.elapsedMs,
        bytesPerState:
          r.states > 0 ? (r.bytes + model.pool.byteSize + 3 * 8 * model.pool.count) / r.states : 0,
        memory: {
          visitedSet: r.bytes,
          encodings: model.pool.byteSize,
          indexArrays: 3 * 8 * model.pool.count,
          queuedWorlds: r.queued,
          measured:
            memoryAtStart === null || !o.memoryUsed ? null : Math.max(0, o.memoryUsed() - memoryAtStart),
        },
        message: r.message,
        invariants,
        outcomes,
        faults: model.faults,
      };
    },
  };
}

export function checkSetup(setup: Setup, o: CheckOptions): CheckResult {
  const check = startCheck(setup, o);
  check.run();
  return check.result();
}

/**
 * checkSetup in slices of at most `sliceStates` states and about `sliceMs` of the clock, awaiting
 * `pause` between them (e.g. a zero timeout in a worker, so a cancel message can land).
 */
export async function checkSetupAsync(
  setup: Setup,
  o: CheckOptions & {
    readonly pause: () => Promise<void>;
    readonly sliceStates?: number;
    readonly sliceMs?: number;
  },
): Promise<CheckResult> {
  const check = startCheck(setup, o);
  const slice = Math.max(1, o.sliceStates ?? 20_000);
  while (!check.run(slice, o.sliceMs)) await o.pause();
  return check.result();
}

/** Runs a counterexample schedule and returns the violation of `id` at its last step. */
export function replayViolation(setup: Setup, schedule: readonly number[], id: InvariantId) {
  const run = runSchedule(createWorld(setup), schedule, { finish: false });
  const last = run.steps[run.steps.length - 1];
  const violation = last?.violations.find((v) => v.invariant === id);
  return { steps: run.steps, ...(violation && { violation }) };
}
