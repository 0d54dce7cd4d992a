// The session on screen as a replay: what a link carries (never worlds).

import type { Replay } from '../replay/index.ts';
import type { SimState } from './types.ts';
import { MODEL_VERSION } from '../engine/modelVersion.ts';

export function replayOf(s: Pick<SimState, 'loaded' | 'choices' | 'cursor' | 'compareVariant'>): Replay {
  return {
    model: MODEL_VERSION,
    setup: s.loaded.setup,
    choices: s.choices,
    cursor: s.cursor,
    compare: s.compareVariant,
  };
}
