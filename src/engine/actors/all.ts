// Registers the deferred actors' programs (deferred.ts) and the xarray's code (xarray/code.ts: seek's and
// collapse's tree steps, the initial tree, step()'s hook): imported by the engine's index.ts, so every
// user of the engine but the page's first render has all of it; the page loads this module lazily.

import { fault, gupFast, pin } from './fault.ts';
import { registerActors } from './index.ts';
import { collapseOnTree, khugepagedOnTree } from './collapse/tree.ts';
import { seekDataOnTree, seekHoleOnTree } from './seekTree.ts';
import { afterStepTree } from '../xarray/afterStep.ts';
import { registerXarray } from '../xarray/code.ts';
import { treeFor } from '../xarray/initial.ts';
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

/** The programs with the steps only a `|xa` world runs, in place of the first render's (which lack them). */
export const TREE_PROGRAMS = {
  collapse: collapseOnTree,
  khugepaged: khugepagedOnTree,
  seek_data: seekDataOnTree,
  seek_hole: seekHoleOnTree,
} as const;

registerActors({ ...DEFERRED_PROGRAMS, ...TREE_PROGRAMS });
// Last: a |xa world can be built only once every step it may run is registered.
registerXarray({ treeFor, afterStep: afterStepTree });
