// How invariant checks report: the emit callback and the words they share.

import type { InvariantId, ThreadId, World } from '../types.ts';

export type Emit = (
  invariant: InvariantId,
  message: string,
  threads: readonly ThreadId[],
  slots: readonly number[],
) => void;

/** "T1 seek_data", or "outside" for holders outside the simulation. */
export const name = (w: World, id: ThreadId) =>
  id < 0 ? 'outside' : `T${id} ${w.threads[id]?.actor ?? '?'}`;

/** The integers a..b-1. */
export const range = (a: number, b: number) => Array.from({ length: Math.max(0, b - a) }, (_, k) => a + k);
