// Breadth-first exhaustive exploration over a Model. The store's insertion order is the BFS queue, so
// there is no separate queue; BFS order also makes the first state found violating an invariant one
// with a shortest schedule. `run(budget)` does bounded slices of work so a caller (a Web Worker, a UI
// loop) can interleave other work; `explore` and `exploreAsync` in explore.ts drive it to the end.

import type { Model } from './model.ts';
import type { Deadlocks, ExploreOptions, ExploreResult, Progress, StopReason, Violation } from './types.ts';
import { FULL, NO_PARENT, StateStore } from './stateStore.ts';
import { describeResult } from './describe.ts';

export const DEFAULT_MAX_STATES = 30_000_000;
const DEFAULT_POLL_EVERY = 1024;
const DEFAULT_POLL_MS = 2;
const DEFAULT_PROGRESS_EVERY = 100_000;

export class Explorer {
  private readonly model: Model;
  private readonly options: ExploreOptions;
  private readonly store: StateStore;
  private readonly successorWords: Uint32Array;
  private readonly successorChoices: Uint8Array;
  private readonly pollEvery: number;
  private readonly pollMs: number;
  /** States expanded between clock reads: adapted so a read comes every ~pollMs of work. */
  private batch = 1;
  private lastPollAt: number;
  private nextProgressAt: number;
  private readonly progressEvery: number;
  private readonly startedAt: number;
  private head = 0;
  private levelEnd = 1;
  private expandDepth = 0;
  private depth = 0;
  private transitions = 1; // SPIN counts the initial state as one transition (stored + matched)
  private readonly violations: Violation[] = [];
  private readonly violated: boolean[] = [];
  private deadlockCount = 0;
  private deadlockSchedule: number[] | null = null;
  private reason: StopReason | null = null;
  /** The allocation failure that stopped the run, if one did. */
  private memoryError: string | null = null;
  private stopped = false;
  private stoppedAt = 0;
  private nextProgress: number;

  constructor(model: Model, options: ExploreOptions) {
    this.model = model;
    this.options = options;
    const words = model.stateWords;
    this.store = new StateStore({
      stateWords: words,
      maxStates: options.maxStates ?? DEFAULT_MAX_STATES,
      ...(options.initialSlots !== undefined && { initialSlots: options.initialSlots }),
      ...(options.chunkStates !== undefined && { chunkStates: options.chunkStates }),
    });
    this.successorWords = new Uint32Array(Math.max(1, model.maxSuccessors) * words);
    this.successorChoices = new Uint8Array(Math.max(1, model.maxSuccessors));
    this.pollEvery = Math.max(1, Math.floor(options.pollEvery ?? DEFAULT_POLL_EVERY));
    this.progressEvery = Math.max(1, Math.floor(options.progressEvery ?? DEFAULT_PROGRESS_EVERY));
    this.nextProgress = this.progressEvery;
    this.pollMs = options.pollMs ?? DEFAULT_POLL_MS;
    this.startedAt = options.now();
    this.lastPollAt = this.startedAt;
    this.nextProgressAt = this.startedAt + (options.progressMs ?? Infinity);

    const initial = new Uint32Array(words);
    model.init(initial);
    this.store.add(initial, 0, NO_PARENT, 0);
    this.noteStored(0, initial, 0);
  }

  /** Bytes the visited set has allocated so far. */
  get bytes(): number {
    return this.store.bytes;
  }

  /** True once the run has stopped, for whatever reason. */
  get finished(): boolean {
    return this.stopped;
  }

  /**
   * Expands up to `budget` more states, for at most about `sliceMs` of the clock (polling limits,
   * cancellation and progress every few milliseconds of work, at most `pollEvery` states apart).
   * Returns true when the run has finished.
   */
  run(budget = Infinity, sliceMs = Infinity): boolean {
    let left = budget;
    const sliceStart = this.lastPollAt;
    while (this.reason === null && left > 0) {
      const slice = Math.min(left, this.batch);
      left -= slice;
      try {
        this.expand(slice);
      } catch (e) {
        // A typed array or the heap could not grow: stop like the memory limit, the state being
        // expanded stays queued (the search is incomplete), and say so instead of throwing.
        if (!(e instanceof RangeError)) throw e;
        this.reason = 'maxMemory';
        this.memoryError = e.message;
      }
      if (this.reason === null && this.poll() - sliceStart >= sliceMs) break;
    }
    if (this.reason !== null && !this.stopped) this.stop(this.reason);
    return this.stopped;
  }

  /** The outcome. Asking before the run has finished abandons it, as a cancellation. */
  result(): ExploreResult {
    if (!this.stopped) this.stop(this.reason ?? 'cancelled');
    const reason = this.reason ?? 'cancelled';
    const elapsedMs = this.stoppedAt - this.startedAt;
    const base = {
      complete: reason === 'done',
      reason,
      states: this.store.count,
      transitions: this.transitions,
      depth: this.depth,
      violations: this.violations.slice(),
      elapsedMs,
      bytes: this.store.bytes,
      queued: this.store.count - this.head,
      ...(this.memoryError !== null && { memoryError: this.memoryError }),
    };
    const deadlocks: Deadlocks | undefined =
      this.model.isDeadlock === undefined
        ? undefined
        : { count: this.deadlockCount, schedule: this.deadlockSchedule ?? [] };
    const result = deadlocks === undefined ? base : { ...base, deadlocks };
    return { ...result, message: describeResult(result, this.model.invariantNames, this.options) };
  }

  /** The shortest schedule (choices from the initial state) reaching stored state `index`. */
  scheduleTo(index: number): number[] {
    return this.store.scheduleTo(index);
  }

  progress(): Progress {
    const elapsedMs = (this.stopped ? this.stoppedAt : this.options.now()) - this.startedAt;
    const states = this.store.count;
    return {
      states,
      transitions: this.transitions,
      depth: this.depth,
      queued: states - this.head,
      elapsedMs,
      statesPerSecond: elapsedMs > 0 ? (states * 1000) / elapsedMs : 0,
    };
  }

  // The hot loop: no allocation, no closures; the model writes successors into reused buffers.
  private expand(slice: number): void {
    const model = this.model;
    const store = this.store;
    const out = this.successorWords;
    const choices = this.successorChoices;
    const words = model.stateWords;
    const deadlockHook = model.isDeadlock !== undefined;
    const stopAtViolation = this.options.stopAtFirstViolation === true;
    const end = this.head + slice;
    let head = this.head;
    let transitions = this.transitions;
    try {
      while (head < end && head < store.count) {
        if (head === this.levelEnd) {
          this.expandDepth++;
          this.levelEnd = store.count;
        }
        const arena = store.arenaOf(head);
        const at = store.offsetOf(head);
        const n = model.successors(arena, at, out, choices);
        if (n === 0 && deadlockHook && model.isDeadlock?.(arena, at) === true) this.noteDeadlock(head);
        transitions += n;
        for (let k = 0; k < n; k++) {
          const index = store.add(out, k * words, head, choices[k] as number);
          if (index >= 0) {
            this.noteStored(index, out, k * words);
            if (stopAtViolation && this.violations.length > 0) this.reason = 'violation';
          } else if (index === FULL) {
            this.reason = 'maxStates';
            break;
          }
        }
        if (this.reason !== null) break;
        head++;
      }
    } finally {
      // Also when a step throws (an allocation failed): the state being expanded stays queued.
      this.head = head;
      this.transitions = transitions;
    }
    if (this.reason === null && head >= store.count) this.reason = 'done';
  }

  private noteStored(index: number, state: Uint32Array, at: number): void {
    if (index > 0) this.depth = this.expandDepth + 1;
    const model = this.model;
    if (model.violationMask === undefined) {
      this.noteViolation(index, model.check(state, at));
      return;
    }
    for (let mask = model.violationMask(state, at), id = 0; mask !== 0; mask >>>= 1, id++)
      if ((mask & 1) !== 0) this.noteViolation(index, id);
  }

  private noteViolation(index: number, violation: number): void {
    if (violation < 0 || this.violated[violation] === true) return;
    this.violated[violation] = true;
    this.violations.push({ id: violation, schedule: this.store.scheduleTo(index) });
  }

  private noteDeadlock(index: number): void {
    if (this.deadlockCount === 0) this.deadlockSchedule = this.store.scheduleTo(index);
    this.deadlockCount++;
  }

  /** Reads the clock once, checks the limits, cancellation and progress; returns the time read. */
  private poll(): number {
    const { timeLimitMs, shouldCancel, onProgress } = this.options;
    const t = this.options.now();
    // A state may cost a microsecond or several milliseconds: read the clock by work done, not by count.
    const worked = t - this.lastPollAt;
    if (worked < this.pollMs / 2) this.batch = Math.min(this.pollEvery, this.batch * 2);
    else if (worked > this.pollMs * 2) this.batch = Math.max(1, Math.floor(this.batch / 2));
    this.lastPollAt = t;
    const { maxMemoryBytes, memoryUsed } = this.options;
    if (timeLimitMs !== undefined && t - this.startedAt >= timeLimitMs) {
      this.reason = 'timeLimit';
    } else if (maxMemoryBytes !== undefined && memoryUsed !== undefined && memoryUsed() >= maxMemoryBytes) {
      this.reason = 'maxMemory';
    } else if (shouldCancel?.() === true) {
      this.reason = 'cancelled';
    } else if (
      onProgress !== undefined &&
      (this.store.count >= this.nextProgress || t >= this.nextProgressAt)
    ) {
      this.nextProgress = this.store.count + this.progressEvery;
      this.nextProgressAt = t + (this.options.progressMs ?? Infinity);
      onProgress(this.progress());
    }
    return t;
  }

  private stop(reason: StopReason): void {
    this.reason = reason;
    this.stopped = true;
    this.stoppedAt = this.options.now();
    this.options.onProgress?.(this.progress());
  }
}
