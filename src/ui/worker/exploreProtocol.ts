// Messages between the page and the explorer worker (plain data, structured-cloned).

import type { InvariantId, Setup } from '../../engine/index.ts';
import type { Progress, StopReason } from '../../explorer/index.ts';

export type ExploreRequest =
  { readonly kind: 'start'; readonly setup: Setup; readonly maxStates: number } | { readonly kind: 'cancel' };

export interface VerdictSummary {
  readonly id: InvariantId;
  /** true: holds in every reachable state; false: broken; null: not broken in the states explored. */
  readonly holds: boolean | null;
  /** A shortest schedule breaking it. */
  readonly schedule?: readonly number[];
  readonly message?: string;
}

export interface CheckSummary {
  readonly complete: boolean;
  readonly reason: StopReason;
  readonly states: number;
  readonly transitions: number;
  readonly depth: number;
  readonly elapsedMs: number;
  readonly message: string;
  readonly invariants: readonly VerdictSummary[];
  /** Per thread, every result it can end with. */
  readonly results: readonly { readonly thread: number; readonly results: readonly string[] }[];
}

export type ExploreResponse =
  | { readonly kind: 'progress'; readonly progress: Progress }
  | { readonly kind: 'done'; readonly summary: CheckSummary }
  | { readonly kind: 'error'; readonly message: string };
