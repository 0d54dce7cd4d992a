// Worlds are never stored in state: they are recomputed from the initial world and the choices. This
// cache keeps a checkpoint every CHECKPOINT steps plus the last few worlds visited, so stepping back and
// jumping cost at most CHECKPOINT engine steps.

import type { StepRecord, StepResult, World } from '../engine/core.ts';
import { step, stepRecord } from '../engine/core.ts';

export const CHECKPOINT = 32;
const RECENT = 8;

/** One step taken (the engine's StepRecord): what the timeline, narration and violation list need. */
export type { StepRecord };

export interface SyncResult {
  readonly records: readonly StepRecord[];
  /** The first choice that could not be taken (its index and why); the records stop before it. */
  readonly error: { readonly at: number; readonly message: string } | null;
}

/** A step already taken by the engine (a link's decoder stepped it): adopted, not stepped again. */
export type TakenStep = Extract<StepResult, { ok: true }>;

export interface Replay {
  readonly initial: World;
  /**
   * Appends a step someone else already took from the world after the last record (a long link's
   * decoder, which must step to read its schedule), so that schedule is stepped once, not twice.
   */
  adopt(choice: number, taken: TakenStep): void;
  /** Brings the cache in line with `choices`, reusing the common prefix. */
  sync(choices: readonly number[]): SyncResult;
  /** The world after `n` steps (0 <= n <= records.length). */
  worldAt(n: number): World;
}

export function createReplay(initial: World): Replay {
  let choices: number[] = [];
  let records: StepRecord[] = [];
  // True once `records` was handed out by sync: adopt then copies it rather than change what a view holds.
  let shared = false;
  const checkpoints = new Map<number, World>([[0, initial]]);
  const recent = new Map<number, World>();

  const keep = (n: number, w: World) => {
    if (n % CHECKPOINT === 0) checkpoints.set(n, w);
    recent.delete(n);
    recent.set(n, w);
    if (recent.size > RECENT) {
      const oldest = recent.keys().next().value;
      if (oldest !== undefined) recent.delete(oldest);
    }
  };

  const dropAfter = (n: number) => {
    for (const k of [...checkpoints.keys()]) if (k > n) checkpoints.delete(k);
    for (const k of [...recent.keys()]) if (k > n) recent.delete(k);
  };

  const worldAt = (n: number): World => {
    if (n < 0 || n > records.length) throw new RangeError(`no world after ${n} steps`);
    const hit = recent.get(n) ?? checkpoints.get(n);
    if (hit) return hit;
    // Start from the closest known world at or before n.
    let from = n - (n % CHECKPOINT);
    let w = checkpoints.get(from) ?? initial;
    for (const [k, v] of recent)
      if (k <= n && k > from) {
        from = k;
        w = v;
      }
    for (let k = from; k < n; k++) {
      const r = step(w, choices[k] ?? -1);
      if (!r.ok) throw new Error(`replay diverged at step ${k}: ${r.error.message}`);
      w = r.world;
      if ((k + 1) % CHECKPOINT === 0) checkpoints.set(k + 1, w);
    }
    keep(n, w);
    return w;
  };

  const sync = (next: readonly number[]): SyncResult => {
    let same = 0;
    while (same < records.length && same < next.length && choices[same] === next[same]) same++;
    // Unchanged choices keep the same records array, so memoised views of it stay valid.
    shared = true;
    if (same === records.length && same === next.length) return { records, error: null };
    records = records.slice(0, same);
    choices = next.slice(0, same);
    dropAfter(same);
    let w = worldAt(same);
    for (let k = same; k < next.length; k++) {
      const choice = next[k] ?? -1;
      const r = step(w, choice);
      if (!r.ok) return { records, error: { at: k, message: r.error.message } };
      records.push(stepRecord(k, choice, r, false));
      choices.push(choice);
      w = r.world;
      if ((k + 1) % CHECKPOINT === 0) checkpoints.set(k + 1, w);
    }
    keep(records.length, w);
    return { records, error: null };
  };

  const adopt = (choice: number, taken: TakenStep) => {
    const k = records.length;
    if (shared) records = records.slice();
    shared = false;
    records.push(stepRecord(k, choice, taken, false));
    choices.push(choice);
    keep(k + 1, taken.world);
  };

  return { initial, adopt, sync, worldAt };
}
