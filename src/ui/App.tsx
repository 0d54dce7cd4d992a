// The page: setup in the header, then time controls, memory (and the compared kernel beside it),
// results, threads and the timeline. Page-wide keys and playback live here.

import { useMemo } from 'react';
import { selectViolations } from '../store/index.ts';
import { Announcer } from './a11y/Announcer.tsx';
import { CompareBar } from './compare/CompareBar.tsx';
import { ComparePane } from './compare/ComparePane.tsx';
import { PlaybackBar } from './controls/PlaybackBar.tsx';
import { WorldView } from './grid/WorldView.tsx';
import { useKeyboard } from './hooks/useKeyboard.ts';
import { useFirstRenderMark } from './hooks/useFirstRenderMark.ts';
import { useMotion } from './hooks/useMotion.ts';
import { usePlaybackTimer } from './hooks/usePlaybackTimer.ts';
import { Legend } from './Legend.tsx';
import { Observations } from './results/Observations.tsx';
import { Violations } from './results/Violations.tsx';
import { SetupForm } from './setup/SetupForm.tsx';
import { useSim } from './storeContext.tsx';
import { ThreadPanes } from './threads/ThreadPanes.tsx';
import { Timeline } from './timeline/Timeline.tsx';
import { VARIANTS } from '../engine/index.ts';

export function App() {
  useFirstRenderMark();
  useKeyboard();
  usePlaybackTimer();
  const motion = useMotion();
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
      <main>
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
        <Legend />
      </main>
      <Announcer />
    </>
  );
}
