// Options, progress and result of an exploration. Plain data so a Web Worker can post them as is.

/** Why an exploration stopped. Only 'done' means the whole reachable state space was visited. */
export type StopReason = 'done' | 'maxStates' | 'timeLimit' | 'maxMemory' | 'cancelled' | 'violation';

export interface Progress {
  readonly states: number;
  readonly transitions: number;
  /** BFS depth of the deepest state stored so far. */
  readonly depth: number;
  /** Stored but not yet expanded. */
  readonly queued: number;
  readonly elapsedMs: number;
  readonly statesPerSecond: number;
}

export interface ExploreOptions {
  /** The clock, in milliseconds. Injected so the core stays pure (no host timers or clocks). */
  readonly now: () => number;
  /** Stop incomplete rather than store more states than this. Default 50,000,000. */
  readonly maxStates?: number;
  /** Stop incomplete after this many milliseconds of `now()`. Default: no limit. */
  readonly timeLimitMs?: number;
  /**
   * The bytes the host is using, as the host measures them (e.g. the process's resident set). Injected
   * like the clock; read at each poll when `maxMemoryBytes` is set.
   */
  readonly memoryUsed?: () => number;
  /** Stop incomplete, before the host is in danger, once `memoryUsed()` reaches this. */
  readonly maxMemoryBytes?: number;
  /** Polled every `pollEvery` expanded states; returning true stops the run incomplete. */
  readonly shouldCancel?: () => boolean;
  /** Called about every `progressEvery` stored states (default 100,000) and once at the end. */
  readonly onProgress?: (progress: Progress) => void;
  readonly progressEvery?: number;
  /** Also report progress at least this often, in milliseconds of `now()`. Default: by states only. */
  readonly progressMs?: number;
  /**
   * The most expanded states between polls of the clock and `shouldCancel`. Default 1,024. Fewer are
   * expanded when states are slow: the explorer reads the clock about every `pollMs` of work.
   */
  readonly pollEvery?: number;
  /** Milliseconds of work between clock reads (default 2), so a time limit or cancel answers promptly. */
  readonly pollMs?: number;
  /** Stop as soon as any invariant is violated (the schedule is still a shortest one). */
  readonly stopAtFirstViolation?: boolean;
  /** Hash-table and arena tuning; the defaults suit runs from a few states to tens of millions. */
  readonly initialSlots?: number;
  readonly chunkStates?: number;
}

/** The first, hence shortest, schedule (choices from the initial state) reaching a violating state. */
export interface Violation {
  readonly id: number;
  readonly schedule: readonly number[];
}

export interface Deadlocks {
  readonly count: number;
  /** A shortest schedule reaching a deadlocked state. */
  readonly schedule: readonly number[];
}

export interface ExploreResult {
  /** True only if every reachable state was visited. */
  readonly complete: boolean;
  readonly reason: StopReason;
  /** Distinct states stored. */
  readonly states: number;
  /**
   * Transitions counted like SPIN's "transitions (= stored+matched)": every successor generated, plus
   * one for the initial state, which SPIN counts as stored.
   */
  readonly transitions: number;
  /** BFS depth of the deepest state stored (the length of the longest shortest schedule). */
  readonly depth: number;
  /** One entry per violated invariant id, in order of discovery. */
  readonly violations: readonly Violation[];
  /** Present when the model has an `isDeadlock` hook. */
  readonly deadlocks?: Deadlocks;
  readonly elapsedMs: number;
  /** Bytes allocated by the visited set (hash table + arenas + parents + choices). */
  readonly bytes: number;
  /** States stored but never expanded (the BFS queue left when the run stopped). */
  readonly queued: number;
  /** Set when an allocation failed (a RangeError from the host): the search stopped as at maxMemory. */
  readonly memoryError?: string;
  /** Human-readable summary, e.g. "explored 2,000,000 states, not complete (state limit)". */
  readonly message: string;
}
