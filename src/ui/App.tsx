// The page: setup in the header, the recorded races beside the main column, then the race on screen
// (narration, time controls), memory (and the compared kernel beside it), results, threads, the timeline
// and the exhaustive check. Page-wide keys, playback and the URL hash live here.

import { lazy, Suspense, useMemo } from 'react';
import { selectViolations } from '../store/index.ts';
import { Announcer } from './a11y/Announcer.tsx';
import { CompareBar } from './compare/CompareBar.tsx';
import { ComparePane } from './compare/ComparePane.tsx';
import { PlaybackBar } from './controls/PlaybackBar.tsx';
import { WorldView } from './grid/WorldView.tsx';
import { useHashSync } from './hooks/useHashSync.ts';
import { useKeyboard } from './hooks/useKeyboard.ts';
import { useDeferredMount } from './hooks/useDeferredMount.ts';
import { useFirstRenderMark } from './hooks/useFirstRenderMark.ts';
import { useMotion } from './hooks/useMotion.ts';
import { usePlaybackTimer } from './hooks/usePlaybackTimer.ts';
import { Legend } from './Legend.tsx';
import { NowPlaying } from './library/NowPlaying.tsx';
import { RaceLibrary } from './library/RaceLibrary.tsx';
import { LinkErrorBanner } from './LinkErrorBanner.tsx';
import { Observations } from './results/Observations.tsx';
import { Violations } from './results/Violations.tsx';
import { SetupForm } from './setup/SetupForm.tsx';
import { useSim } from './storeContext.tsx';
import { ThreadPanes } from './threads/ThreadPanes.tsx';
import { Timeline } from './timeline/Timeline.tsx';
import { VARIANTS } from '../engine/index.ts';

// The exhaustive check's panel loads after the page: it is below the fold and not needed to play.
const ExplorerPanel = lazy(() => import('./explorer/ExplorerPanel.tsx'));

export function App() {
  useFirstRenderMark();
  useKeyboard();
  usePlaybackTimer();
  useHashSync();
  const motion = useMotion();
  const belowTheFold = useDeferredMount();
  const frame = useSim((s) => s.frame);
  const speed = useSim((s) => s.speed);
  const kernel = useSim((s) => s.loaded.kernel);
  const records = useSim((s) => s.records);
  const cursor = useSim((s) => s.cursor);
  const compare = useSim((s) => s.compare);
  const violations = useSim(selectViolations);
  const jumpTo = useSim((s) => s.jumpTo);
  const animation = useMemo(() => ({ frame, motion, speed }), [frame, motion, speed]);

  return (
    <>
      <a className="skip-link" href="#memory">
        Skip to the page cache
      </a>
      <header className="app-header">
        <h1>Collapse Lab</h1>
        <p className="tagline">
          khugepaged collapse_file() on a shmem file, racing other threads, step by step.
        </p>
        <SetupForm />
      </header>
      <div className="layout">
        <RaceLibrary />
        <main>
          <LinkErrorBanner />
          <NowPlaying />
          <PlaybackBar />
          <CompareBar />
          <div className={`worlds${compare ? ' side-by-side' : ''}`} id="memory">
            <section className="world-column" aria-label={`Kernel ${kernel}`} data-testid="main-pane">
              <h2>
                {kernel} <span className="muted">{VARIANTS[kernel].title}</span>
              </h2>
              <WorldView world={frame.world} id="main" animation={animation} />
              <Observations world={frame.world} records={records} upTo={cursor} id="main" />
              <Violations violations={violations} id="main" onJump={jumpTo} />
            </section>
            {compare && <ComparePane compare={compare} />}
          </div>
          <ThreadPanes />
          <Timeline />
          <Suspense fallback={null}>
            <ExplorerPanel />
          </Suspense>
          {belowTheFold && <Legend />}
        </main>
      </div>
      <Announcer />
    </>
  );
}
