// The caches behind one store: the replay of the loaded setup and, in compare mode, of the other
// kernel. They hold worlds, so they live beside the state, never in it.

import type { Setup, VariantId } from '../engine/index.ts';
import { createWorld } from '../engine/index.ts';
import type { Replay } from './replay.ts';
import { createReplay } from './replay.ts';

export interface StoreContext {
  main: Replay;
  other: { readonly variant: VariantId; readonly replay: Replay } | null;
}

export function replayFor(setup: Setup, variant: VariantId = setup.variant): Replay {
  return createReplay(createWorld({ ...setup, variant }));
}
