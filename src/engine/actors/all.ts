// Registers the deferred actors' programs (deferred.ts): imported by the engine's index.ts, so every
// user of the engine but the page's first render has all actors; the page loads this module lazily.

import { fault, gupFast, pin } from './fault.ts';
import { registerActors } from './index.ts';
import { memcgMove, mincore } from './mincore.ts';
import { punch, truncate } from './punch.ts';
import { fallocate, read, write } from './readWrite.ts';
import { lruDrain, swapout } from './reclaim.ts';

export const DEFERRED_PROGRAMS = {
  mincore,
  read,
  write,
  fault,
  fallocate,
  punch,
  truncate,
  gup_fast: gupFast,
  pin,
  swapout,
  lru_drain: lruDrain,
  memcg_move: memcgMove,
} as const;

registerActors(DEFERRED_PROGRAMS);
