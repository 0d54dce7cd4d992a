// Playback: the UI owns the timer (the store has no clock) and calls tick() while `playing`.

import type { StateCreator } from 'zustand';
import type { PlaybackSlice, SimState } from './types.ts';

type Creator = StateCreator<SimState, [['zustand/devtools', never]], [], PlaybackSlice>;

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
  },
});
