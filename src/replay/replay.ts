// What a replay link carries: the setup, the schedule (every choice taken), the step shown, and the
// variant shown beside it in compare mode. Never the states: they are recomputed by the engine.

import type { Setup, KernelId } from '../engine/index.ts';

export interface Replay {
  /** The model version the schedule was recorded on (MODEL_VERSION; format A links decode as 1). */
  readonly model: number;
  readonly setup: Setup;
  /** The thread index stepped at each step. */
  readonly choices: readonly number[];
  /** How many of the choices have been taken in the view (0 .. choices.length). */
  readonly cursor: number;
  /** The second variant shown side by side, or null. */
  readonly compare: KernelId | null;
}

export type Decoded =
  { readonly ok: true; readonly replay: Replay } | { readonly ok: false; readonly error: string };

/**
 * Limits that keep decoding bounded whatever the input. A link carries up to MAX_STEPS steps (format B;
 * format A carried 5,000): at most 4 bits a step (9 threads at most can be runnable), so 100,000 steps
 * need under 67,000 characters, within MAX_LINK_CHARS. The page and the store refuse to grow a schedule
 * past MAX_STEPS, so every schedule the page holds fits in a link.
 */
export const MAX_LINK_CHARS = 98_304;
export const MAX_STEPS = 100_000;
