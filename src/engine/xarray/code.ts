// The tree's code is not in the page's first render: engine/actors/all.ts registers it (with seek's and
// collapse's tree steps), which every host but the page's first render imports through engine/index.ts.
// A `|xa` world exists only once it has: createWorld asks for the code here and throws without it, and
// every later world is a step from that one, so no step runs on a tree its code has not loaded for.

import type { Tx } from '../tx.ts';
import type { World } from '../types.ts';
import type { XaTree } from './types.ts';

/** What the setup and step() call on a `|xa` world. */
export interface XarrayCode {
  /** The initial tree of a world's slots (setup.ts createWorld). */
  readonly treeFor: (w: World, chunk: number) => XaTree;
  /** step()'s hook after every step of a `|xa` world (afterStep.ts). */
  readonly afterStep: (tx: Tx) => void;
}

let code: XarrayCode | null = null;

/** Registers the tree's code (all.ts, once, after the programs with tree steps). */
export function registerXarray(c: XarrayCode): void {
  code = c;
}

/** True once the tree's code has been registered. */
export const xarrayLoaded = (): boolean => code !== null;

/** The tree's code; an error (a caller that did not wait for it: store/deferredActors.ts) without it. */
export function xarrayCode(): XarrayCode {
  if (code === null) throw new Error('a |xa setup needs the xarray code: load engine/actors/all.ts first');
  return code;
}
