// Drives playback: one tick per beat while playing. A beat is 900 ms at 1x (the step's animation fits in
// it); a step the recorded race narrates is held longer, so its sentence can be read. The store has no
// clock: this hook is the only timer.

import { useEffect } from 'react';
import { selectScenario, stepStory } from '../../store/index.ts';
import { useSim, useSimStore } from '../storeContext.tsx';

export const BEAT_MS = 900;
/** A narrated step stays on screen this many beats. */
export const NARRATED_BEATS = 3;

export function usePlaybackTimer(): void {
  const playing = useSim((s) => s.playing);
  const cursor = useSim((s) => s.cursor);
  const speed = useSim((s) => s.speed);
  const tick = useSim((s) => s.tick);
  const store = useSimStore();
  useEffect(() => {
    if (!playing) return;
    const s = store.getState();
    const record = s.frame.record;
    const told = record !== null && stepStory(s, selectScenario(s), record).source === 'recorded';
    // Re-armed after every step (cursor changes), so a slow step never queues a burst of ticks.
    const id = window.setTimeout(tick, ((told ? NARRATED_BEATS : 1) * BEAT_MS) / speed);
    return () => window.clearTimeout(id);
  }, [playing, cursor, speed, tick, store]);
}
