// xas_set: where every walk of the tree starts. Apart from walk.ts so that the steps starting a walk
// (seek's inode_lock, collapse's pre-check) need none of the walk's own code, which loads with the rest
// of the tree's (engine/actors/all.ts).

import type { DraftThread } from '../tx.ts';
import type { LocalsOf } from '../types.ts';
import { XAS_RESTART } from './types.ts';

/** xas_set(index) / xas_reset: the next find starts afresh from the head. */
export function walkFrom(t: DraftThread<LocalsOf<'index' | 'xas'>>, index: number): void {
  t.l.index = index;
  t.l.xas = { node: XAS_RESTART, offset: 0, cand: -1, returned: t.l.xas?.returned ?? -1 };
}
