// How the opening of a replay link is going, beside the session store (the page may open a link before
// or after the session exists: at boot or on a hash change). Read by the link banner.

import { createStore } from 'zustand/vanilla';

export interface LinkStatus {
  /** A long link's schedule being replayed: steps done of the total; null when none is. */
  readonly replaying: { readonly done: number; readonly total: number } | null;
  /** What stays on screen when a link cannot be opened: the default race (at boot) or the current one. */
  readonly fallback: 'default' | 'current';
}

export const linkStatus = createStore<LinkStatus>()(() => ({ replaying: null, fallback: 'default' }));
