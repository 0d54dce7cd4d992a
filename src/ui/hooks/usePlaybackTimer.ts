// Drives playback: one tick per beat while playing. The beat shortens with speed; the store has no clock.

import { useEffect } from 'react';
import { useSim } from '../storeContext.tsx';

export const BEAT_MS = 900;

export function usePlaybackTimer(): void {
  const playing = useSim((s) => s.playing);
  const cursor = useSim((s) => s.cursor);
  const speed = useSim((s) => s.speed);
  const tick = useSim((s) => s.tick);
  useEffect(() => {
    if (!playing) return;
    // Re-armed after every step (cursor changes), so a slow step never queues a burst of ticks.
    const id = window.setTimeout(tick, BEAT_MS / speed);
    return () => window.clearTimeout(id);
  }, [playing, cursor, speed, tick]);
}
