// How the opening of a replay link is going, beside the session store (the page may open a link before
// or after the session exists: at boot or on a hash change). Read by the link banner and the hash sync.

import { createStore } from 'zustand/vanilla';
import type { SimState } from './types.ts';

/** What identifies a session on screen: a link payload stands for exactly this. */
export type SessionKey = Pick<SimState, 'loaded' | 'choices' | 'cursor' | 'compareVariant'>;

export interface LinkStatus {
  /** A long link's schedule being replayed: steps done of the total; null when none is. */
  readonly replaying: { readonly done: number; readonly total: number } | null;
  /** What stays on screen when a link cannot be opened: the default race (at boot) or the current one. */
  readonly fallback: 'default' | 'current';
  /**
   * The session a long link opened and that link's payload (already in the address): until the session
   * changes, it is the session's link, so the page need not step the schedule again to encode it.
   */
  readonly opened: { readonly payload: string; readonly session: SessionKey } | null;
}

export const linkStatus = createStore<LinkStatus>()(() => ({
  replaying: null,
  fallback: 'default',
  opened: null,
}));

export const sameSession = (a: SessionKey, b: SessionKey): boolean =>
  a.loaded === b.loaded &&
  a.choices === b.choices &&
  a.cursor === b.cursor &&
  a.compareVariant === b.compareVariant;
