// The contract between the explorer and a model. A state is a fixed number of 32-bit words so the
// explorer can keep millions of them in typed arrays; every method reads and writes caller-owned
// buffers at an offset, so exploring allocates nothing per state or per successor.

/** A finite transition system the explorer can enumerate. */
export interface Model {
  /** Shown in progress and bench output. */
  readonly name: string;
  /** Words per state (fixed for the whole run). */
  readonly stateWords: number;
  /** Upper bound on successors of any state; sizes the explorer's reusable successor buffer. */
  readonly maxSuccessors: number;
  /** Invariant names by violation id; `check` returns an index into this list or -1. */
  readonly invariantNames: readonly string[];
  /** Writes the initial state into `out[0, stateWords)`. */
  init(out: Uint32Array): void;
  /**
   * Writes every successor of the state at `state[at, at + stateWords)`: successor k goes to
   * `out[k * stateWords, (k + 1) * stateWords)` and its choice (0–255, e.g. the thread that moved) to
   * `choices[k]`. Choices must differ among one state's successors, so that a schedule names one path.
   * Returns the number of successors. Must not keep references to the buffers.
   */
  successors(state: Uint32Array, at: number, out: Uint32Array, choices: Uint8Array): number;
  /** The id of an invariant the state violates (the lowest if several), or -1. */
  check(state: Uint32Array, at: number): number;
  /**
   * Optional: every invariant the state violates, as a bit mask (bit i = id i, ids below 32). When
   * present the explorer reports a shortest schedule for each of them, not only the lowest.
   */
  violationMask?(state: Uint32Array, at: number): number;
  /**
   * Called only for states without successors: true when that is a deadlock rather than a proper end.
   * Models without this hook get no deadlock report.
   */
  isDeadlock?(state: Uint32Array, at: number): boolean;
}
