// How an actor appears on the page cache (cursors.ts draws every thread from this): which slot it is at,
// the verb for what it does there, and what its answer says about the slots once its call returns. Each
// actor declares its own, so a new actor needs no line anywhere else.

import type { Locals, Thread, World } from './types.ts';

export type Answer =
  | {
      /** SEEK_DATA / SEEK_HOLE returned: `skipped` are the slots it jumped over, `at` the slot it named. */
      readonly kind: 'seek';
      readonly call: string;
      readonly result: string;
      readonly skipped: readonly number[];
      readonly at: number | null;
    }
  | {
      /** mincore returned its vector: `absent` are the slots it reported not resident. */
      readonly kind: 'mincore';
      readonly result: string;
      readonly absent: readonly number[];
    }
  | { readonly kind: 'read'; readonly at: number; readonly value: number };

export interface CursorRole<L = Locals> {
  /**
   * Where the thread is: `scan`, the slot of its loop cursor (`l.index`); `param`, the slot its parameter
   * names; `none`, no slot of its own (it acts on batches or queues).
   */
  readonly at: 'scan' | 'param' | 'none';
  /** What it does at that slot, as a verb: "looks up" (slot 0). */
  readonly verb: string;
  /** Its returned call's answer, drawn on the grid (only asked once the thread is done with a result). */
  readonly answer?: (w: World, t: Thread<L> & { readonly result: string }) => Answer | null;
}
