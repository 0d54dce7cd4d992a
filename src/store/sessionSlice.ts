// Loading whole sessions: a recorded race from the library, a schedule found by the explorer, and the
// error left by a replay link that could not be read (shown until dismissed; the default race stays).

import type { StateCreator } from 'zustand';
import { raceById } from '../scenarios/catalog.ts';
import type { SessionSlice, SimState } from './types.ts';

type Creator = StateCreator<SimState, [['zustand/devtools', never]], [], SessionSlice>;

export const createSessionSlice: Creator = (set, get) => ({
  linkError: null,
  dismissLinkError() {
    set({ linkError: null }, false, 'session/dismissLinkError');
  },
  raceTexts: null,
  setRaceTexts(texts) {
    set({ raceTexts: texts }, false, 'session/setRaceTexts');
  },
  loadScenario(id) {
    const race = raceById(id);
    if (!race) return false;
    // Stop playback and drop the old comparison first, so the new race replays once, on its own kernel.
    get().pause();
    get().setCompareVariant(null);
    return get().loadSetup(race.kernel, race.slots, race.threads, { choices: race.schedule, cursor: 0 });
  },
  loadSchedule(setup, choices, compare) {
    get().pause();
    get().setCompareVariant(null);
    const ok = get().loadSetup(setup.kernel, setup.slots, setup.threads, {
      choices,
      cursor: choices.length,
    });
    if (ok && compare !== null && compare !== get().loaded.kernel) get().setCompareVariant(compare);
    return ok;
  },
});
