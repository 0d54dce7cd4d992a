// Playback: the UI owns the timer (the store has no clock) and calls tick() while `playing`. Playing a
// recorded race pauses by itself at its break, so the step that breaks the invariant stays on screen;
// Play again goes on from there.

import type { StateCreator } from 'zustand';
import { breakCursor, followsRecording, selectScenario } from './scenario.ts';
import type { PlaybackSlice, SimState } from './types.ts';

type Creator = StateCreator<SimState, [['zustand/devtools', never]], [], PlaybackSlice>;

/** True when the cursor has just reached the recorded race's break on its own recording. */
export function atRecordedBreak(s: SimState): boolean {
  const scenario = selectScenario(s);
  if (!scenario || !followsRecording(scenario, s.choices, s.cursor)) return false;
  return breakCursor(s.records, scenario) === s.cursor;
}

export const createPlaybackSlice: Creator = (set, get) => ({
  playing: false,
  play() {
    set({ playing: true }, false, 'playback/play');
  },
  pause() {
    set({ playing: false }, false, 'playback/pause');
  },
  tick() {
    if (!get().playing) return;
    // next() follows the recorded schedule, then finishes the threads round-robin.
    if (!get().next()) set({ playing: false }, false, 'playback/finished');
    else if (atRecordedBreak(get())) set({ playing: false }, false, 'playback/pausedAtBreak');
  },
});
