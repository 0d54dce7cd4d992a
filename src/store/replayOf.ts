// The session on screen as a replay: what a link carries (never worlds).

import type { Replay } from '../replay/index.ts';
import type { SimState } from './types.ts';
import { modelOf } from '../engine/modelVersion.ts';

export function replayOf(s: Pick<SimState, 'loaded' | 'choices' | 'cursor' | 'compareVariant'>): Replay {
  return {
    // An old link's setup carries its model, so its link stays an old-model link.
    model: modelOf(s.loaded.setup),
    setup: s.loaded.setup,
    choices: s.choices,
    cursor: s.cursor,
    compare: s.compareVariant,
  };
}
