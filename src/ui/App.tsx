// The page: a compact setup bar, then the race on screen (transport, fixed-height narration), the
// schedule and compare row, memory with the threads drawn on it and the break's callout beside it (and
// the compared kernel beside that), the thread panes, results, the timeline and the exhaustive check; the
// recorded races in a side column (after the race in the tab order). Page-wide keys, playback and the
// URL hash live here.

// The base styles first, so the component styles and the design layer (design.css, last) override them
// whichever module the bundler reaches first.
import './styles.css';
import './features.css';
import { lazy, Suspense, useMemo } from 'react';
import { selectScenario } from '../store/index.ts';
import { Announcer } from './a11y/Announcer.tsx';
import { CompareBar } from './compare/CompareBar.tsx';
import { PlaybackBar } from './controls/PlaybackBar.tsx';
import { WorldView } from './grid/WorldView.tsx';
import { useHashSync } from './hooks/useHashSync.ts';
import { useKeyboard } from './hooks/useKeyboard.ts';
import { useDeferredMount } from './hooks/useDeferredMount.ts';
import { useFirstRenderMark } from './hooks/useFirstRenderMark.ts';
import { useMotion } from './hooks/useMotion.ts';
import { usePlaybackTimer } from './hooks/usePlaybackTimer.ts';
import { NowPlaying } from './library/NowPlaying.tsx';
import { LinkErrorBanner } from './LinkErrorBanner.tsx';
import { SetupForm } from './setup/SetupForm.tsx';
import { SkipLinks } from './SkipLinks.tsx';
import { useSim } from './storeContext.tsx';
import { useStory } from './story/useStory.ts';
import { kernelOf, MODEL_VERSION, modelOf } from '../engine/core.ts';
import './design.css';
import './layout.css';

// The exhaustive check's panel loads after the page: it is below the fold and not needed to play.
const ExplorerPanel = lazy(() => import('./explorer/ExplorerPanel.tsx'));
// The fix matrix (issue #13): below the explorer, its code and its worker load only after the first paint.
const MatrixPanel = lazy(() => import('./matrix/MatrixPanel.tsx'));
// Below the grid and mounted after the first commit anyway: their code loads beside the first paint,
// which keeps the main bundle under its budget.
const ThreadPanes = lazy(() => import('./threads/ThreadPanes.tsx').then((m) => ({ default: m.ThreadPanes })));
const Timeline = lazy(() => import('./timeline/Timeline.tsx').then((m) => ({ default: m.Timeline })));
// The race library sits beside (or, on narrow screens, below) the race: it never moves the grid.
const RaceLibrary = lazy(() => import('./library/RaceLibrary.tsx').then((m) => ({ default: m.RaceLibrary })));
// Shown only once the race has broken, beside the grid.
const BreakCallout = lazy(() =>
  import('./story/BreakCallout.tsx').then((m) => ({ default: m.BreakCallout })),
);
// Only in compare mode: the other kernel's side loads when a kernel is chosen.
const ComparePane = lazy(() => import('./compare/ComparePane.tsx').then((m) => ({ default: m.ComparePane })));
// Below the thread panes.
const Results = lazy(() => import('./results/Results.tsx'));
// Only for a link made with an older model.
const OldModelBanner = lazy(() =>
  import('./OldModelBanner.tsx').then((m) => ({ default: m.OldModelBanner })),
);
const Legend = lazy(() => import('./Legend.tsx').then((m) => ({ default: m.Legend })));

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
  const oldModel = useSim((s) => modelOf(s.loaded.setup) < MODEL_VERSION);
  const records = useSim((s) => s.records);
  const cursor = useSim((s) => s.cursor);
  const compare = useSim((s) => s.compare);
  const scenario = useSim(selectScenario);
  const jumpTo = useSim((s) => s.jumpTo);
  const animation = useMemo(() => ({ frame, motion, speed }), [frame, motion, speed]);
  const target = scenario?.target.invariant ?? null;
  const story = useStory(records, cursor, kernel, target);

  return (
    <>
      <SkipLinks />
      <header className="app-header">
        <h1>Collapse Lab</h1>
        <p className="tagline">khugepaged collapse_file() on shmem, racing other threads, step by step.</p>
        <SetupForm />
      </header>
      <div className="layout">
        <main>
          <LinkErrorBanner />
          {oldModel && (
            <Suspense fallback={null}>
              <OldModelBanner />
            </Suspense>
          )}
          <NowPlaying />
          <div className="secondary-bar">
            <PlaybackBar />
            <CompareBar />
          </div>
          <div className={`worlds${compare ? ' side-by-side' : ''}`} id="memory">
            <section className="world-column" aria-label={`Kernel ${kernel}`} data-testid="main-pane">
              <h2>
                {kernel} <span className="muted">{kernelOf(kernel).title}</span>
              </h2>
              <WorldView
                world={frame.world}
                id="main"
                animation={animation}
                broken={story.mark}
                aside={
                  story.told ? (
                    <Suspense fallback={null}>
                      <BreakCallout
                        shown={story.told}
                        expected={scenario?.target.expected ?? null}
                        why={scenario?.story ?? null}
                        id="main"
                        onJump={jumpTo}
                      />
                    </Suspense>
                  ) : null
                }
              />
            </section>
            {compare && (
              <Suspense fallback={null}>
                <ComparePane
                  compare={compare}
                  target={target}
                  animate={frame.animate}
                  motion={motion}
                  speed={speed}
                />
              </Suspense>
            )}
          </div>
          <Suspense fallback={<section className="threads" aria-label="Threads" />}>
            <ThreadPanes />
          </Suspense>
          <Suspense fallback={null}>
            <Results
              world={frame.world}
              records={records}
              cursor={cursor}
              violations={story.violations}
              variant={kernel}
              target={target}
              onJump={jumpTo}
            />
            <Timeline />
            <ExplorerPanel />
            {belowTheFold && <MatrixPanel />}
            {belowTheFold && <Legend />}
          </Suspense>
        </main>
        <Suspense fallback={<aside className="race-library" />}>
          <RaceLibrary storyShown={Boolean(story.told && scenario?.story)} />
        </Suspense>
      </div>
      <Announcer />
    </>
  );
}
