// What a replay link carries: the setup, the schedule (every choice taken), the step shown, and the
// variant shown beside it in compare mode. Never the states: they are recomputed by the engine.

import type { Setup, VariantId } from '../engine/index.ts';

export interface Replay {
  readonly setup: Setup;
  /** The thread index stepped at each step. */
  readonly choices: readonly number[];
  /** How many of the choices have been taken in the view (0 .. choices.length). */
  readonly cursor: number;
  /** The second variant shown side by side, or null. */
  readonly compare: VariantId | null;
}

export type Decoded =
  { readonly ok: true; readonly replay: Replay } | { readonly ok: false; readonly error: string };

/** Limits that keep decoding bounded whatever the input. */
export const MAX_LINK_CHARS = 2048;
export const MAX_STEPS = 5000;
