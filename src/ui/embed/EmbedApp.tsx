// The embed layout (?embed=1), for an iframe in course notes or a blog: one column sized to its frame
// (the document never scrolls; only the memory area below does, when it must), with the transport, the
// narration and, once the race has broken, a verdict strip (what userspace saw, the invariant broken)
// always on screen above the grid, and a link to the same replay on the full page. No setup editor.

import '../styles.css';
import '../features.css';
import { lazy, Suspense, useMemo } from 'react';
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
import { useStory } from '../story/useStory.ts';
import { FullPageLink } from './FullPageLink.tsx';
import '../design.css';

// Below the grid: its code loads beside the first paint.
const Timeline = lazy(() => import('../timeline/Timeline.tsx').then((m) => ({ default: m.Timeline })));
import './embed.css';

export function EmbedApp() {
  useKeyboard();
  usePlaybackTimer();
  useHashSync();
  const motion = useMotion();
  const frame = useSim((s) => s.frame);
  const speed = useSim((s) => s.speed);
  const loaded = useSim((s) => s.loaded);
  const records = useSim((s) => s.records);
  const cursor = useSim((s) => s.cursor);
  const scenario = useSim(selectScenario);
  const animation = useMemo(() => ({ frame, motion, speed }), [frame, motion, speed]);
  const story = useStory(records, cursor, loaded.kernel, scenario?.target.invariant ?? null);
  const told = story.told;
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
      {/* Always one line high, empty until the break, so the grid below never moves. */}
      <p className={`embed-verdict${told ? ' broken' : ''}`} data-testid="embed-verdict" role="status">
        {told && (
          <>
            <strong>{told.spec} broken</strong> at step {told.violation.step + 1}: {told.violation.message}
            {scenario ? <span className="muted"> · expected {scenario.target.expected}</span> : null}
          </>
        )}
      </p>
      <div className="embed-body">
        <WorldView world={frame.world} id="main" animation={animation} broken={story.mark} />
        <Suspense fallback={null}>
          <Timeline />
        </Suspense>
      </div>
    </main>
  );
}
