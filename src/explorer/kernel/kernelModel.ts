// The kernel world as an explorer Model. A state is one word: the id of its canonical encoding in an
// intern pool. Worlds are kept only for states still waiting to be expanded (BFS expands each state
// once), so memory follows the frontier plus the compact encodings.

import type { InvariantId, Setup, World } from '../../engine/index.ts';
import { ACTORS, createWorld, INVARIANTS, runnableThreads, step } from '../../engine/index.ts';
import type { Model } from '../model.ts';
import { WorldEncoder } from './encode.ts';
import { InternPool } from './internPool.ts';
import { SharedPool } from './sharedPool.ts';

/** Encodings at least this long (at the initial state) are stored as shared chunks. */
export const SHARE_FROM_BYTES = 512;

/** Where the model keeps its states' encodings: whole (InternPool) or as shared chunks (SharedPool). */
export interface EncodingPool {
  intern(src: Uint8Array, length: number): number;
  readonly lastWasNew: boolean;
  readonly count: number;
  readonly byteSize: number;
  read(id: number): Uint8Array;
  /** The encoding the next interns are likely near (the state being expanded), where that pays. */
  setBase?(id: number): void;
}

/** Invariant ids in the order of their bit in a violation mask. */
export const INVARIANT_ORDER = Object.keys(INVARIANTS) as readonly InvariantId[];
const BIT: Readonly<Record<InvariantId, number>> = Object.fromEntries(
  INVARIANT_ORDER.map((id, i) => [id, 1 << i]),
) as Record<InvariantId, number>;

export interface KernelModelOptions {
  /**
   * Partial-order reduction: when a thread's next step is marked `local` (it reads and writes nothing
   * another thread can see or an invariant checks), explore only that step from this state. Exact:
   * such a step commutes with every other step and never closes a cycle.
   */
  readonly reduce?: boolean;
  /**
   * The search as it was before the per-state speed-ups (every encoding stored whole, every folio encoded
   * afresh): the bench's baseline and the reference of the equality test. Same states and verdicts.
   */
  readonly baseline?: boolean;
  /** A state to look for: the model remembers the first expanded state where this holds (tests). */
  readonly watch?: (w: World) => boolean;
}

export interface KernelModel extends Model {
  /** The world of an explored state id, rebuilt by replaying its schedule from the start. */
  readonly setup: Setup;
  readonly pool: EncodingPool;
  /** Engine faults met while exploring (a model bug, reported rather than thrown). */
  readonly faults: string[];
  /**
   * Every distinct combination of thread results at a state where nothing can run, with the first state
   * (its id equals its explorer index: both number new states in the same order) that reached it.
   */
  readonly outcomes: Map<string, { readonly state: number; readonly results: readonly (string | null)[] }>;
  /** The first expanded state where `watch` held, or null. */
  readonly watched: { state: number | null };
}

export function createKernelModel(setup: Setup, options: KernelModelOptions = {}): KernelModel {
  const encoder = new WorldEncoder({ cacheFolios: options.baseline !== true });
  const initial = createWorld(setup);
  // Chunk sharing pays where a step changes a small part of a long encoding (many slots); a short one
  // is cheaper stored whole. Either is exact.
  const long = encoder.encode(initial, 0) >= SHARE_FROM_BYTES;
  const pool: EncodingPool = options.baseline !== true && long ? new SharedPool() : new InternPool();
  const pending: (World | undefined)[] = [];
  const pendingRunnable: (readonly number[] | undefined)[] = [];
  const masks: number[] = [];
  const faults: string[] = [];
  const outcomes: KernelModel['outcomes'] = new Map();
  const watched: KernelModel['watched'] = { state: null };
  // The baseline checks every invariant over the whole world after each step (the incremental check's reference).
  const stepOptions = options.baseline === true ? ({ check: 'full' } as const) : {};

  const internWorld = (w: World, mask: number, runnable: readonly number[]): number => {
    const len = encoder.encode(w, mask);
    const id = pool.intern(encoder.bytes, len);
    if (pool.lastWasNew) {
      pending[id] = w;
      pendingRunnable[id] = runnable;
      masks[id] = mask;
    }
    return id;
  };
  const initialId = internWorld(initial, 0, runnableThreads(initial));

  const localThread = (w: World, ready: readonly number[]): number | null => {
    for (const id of ready) {
      const t = w.threads[id];
      if (t && ACTORS[t.actor].steps[t.pc]?.local?.(w, t) === true) return id;
    }
    return null;
  };

  return {
    name: `kernel ${setup.variant}`,
    setup,
    pool,
    faults,
    outcomes,
    watched,
    stateWords: 1,
    maxSuccessors: initial.threads.length,
    invariantNames: INVARIANT_ORDER,
    init(out) {
      out[0] = initialId;
    },
    successors(state, at, out, choices) {
      const id = state[at] ?? 0;
      const w = pending[id];
      if (!w) return 0;
      const ready = pendingRunnable[id] ?? runnableThreads(w);
      pending[id] = undefined; // expanded once: only the encoding stays
      if (watched.state === null && options.watch?.(w)) watched.state = id;
      pendingRunnable[id] = undefined;
      if (ready.length === 0) {
        const results = w.threads.map((t) => (t.done ? t.result : null));
        const key = results.map((r) => r ?? '(stuck)').join('|');
        if (!outcomes.has(key)) outcomes.set(key, { state: id, results });
        return 0;
      }
      pool.setBase?.(id);
      const local = options.reduce ? localThread(w, ready) : null;
      let n = 0;
      for (const tid of local === null ? ready : [local]) {
        const r = step(w, tid, stepOptions);
        if (!r.ok) {
          if (faults.length < 10) faults.push(r.error.message);
          continue;
        }
        let mask = 0;
        for (const v of r.violations) mask |= BIT[v.invariant];
        out[n] = internWorld(r.world, mask, r.runnable);
        choices[n] = tid;
        n++;
      }
      return n;
    },
    check(state, at) {
      const mask = masks[state[at] ?? 0] ?? 0;
      return mask === 0 ? -1 : 31 - Math.clz32(mask & -mask);
    },
    violationMask(state, at) {
      return masks[state[at] ?? 0] ?? 0;
    },
  };
}
