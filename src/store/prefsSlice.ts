// Preferences: motion, speed and the compare kernel. Changing the compare kernel reruns the schedule on it.

import type { StateCreator } from 'zustand';
import type { StoreContext } from './context.ts';
import { compareFor } from './context.ts';
import { DEFAULT_PREFS } from './defaults.ts';
import type { PrefsSlice, SimState } from './types.ts';

type Creator = StateCreator<SimState, [['zustand/devtools', never]], [], PrefsSlice>;

export function createPrefsSlice(ctx: StoreContext): Creator {
  return (set, get) => ({
    ...DEFAULT_PREFS,
    setMotion(on) {
      set({ motion: on }, false, 'prefs/setMotion');
    },
    setSpeed(speed) {
      set({ speed }, false, 'prefs/setSpeed');
    },
    setCompareVariant(variant) {
      const s = get();
      const compare = compareFor(ctx, s.loaded, variant, s.choices, s.cursor);
      set({ compareVariant: variant, compare }, false, 'prefs/setCompareVariant');
    },
  });
}
