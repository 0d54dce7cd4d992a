// The embed layout (?embed=1), for an iframe in course notes or a blog: the page cache, the race's
// transport and narration, the timeline, and a link to the same replay on the full page. No setup editor.

import { useMemo } from 'react';
import { selectScenario } from '../../store/index.ts';
import { WorldView } from '../grid/WorldView.tsx';
import { useKeyboard } from '../hooks/useKeyboard.ts';
import { useHashSync } from '../hooks/useHashSync.ts';
import { useMotion } from '../hooks/useMotion.ts';
import { usePlaybackTimer } from '../hooks/usePlaybackTimer.ts';
import { LinkErrorBanner } from '../LinkErrorBanner.tsx';
import { Narration } from '../library/Narration.tsx';
import { RacePlayer } from '../library/RacePlayer.tsx';
import { sessionTitle } from '../share/snippets.ts';
import { useSim } from '../storeContext.tsx';
import { Timeline } from '../timeline/Timeline.tsx';
import { FullPageLink } from './FullPageLink.tsx';

export function EmbedApp() {
  useKeyboard();
  usePlaybackTimer();
  useHashSync();
  const motion = useMotion();
  const frame = useSim((s) => s.frame);
  const speed = useSim((s) => s.speed);
  const loaded = useSim((s) => s.loaded);
  const scenario = useSim(selectScenario);
  const animation = useMemo(() => ({ frame, motion, speed }), [frame, motion, speed]);
  return (
    <main className="embed" data-testid="embed">
      <header className="embed-head">
        <h1>
          Collapse Lab: <span className="embed-title">{sessionTitle(scenario, loaded)}</span>
        </h1>
        <FullPageLink />
      </header>
      <LinkErrorBanner />
      <RacePlayer compact />
      <Narration />
      <WorldView world={frame.world} id="main" animation={animation} />
      <Timeline />
    </main>
  );
}
