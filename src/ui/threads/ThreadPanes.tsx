// One pane per thread. Memoised panes re-render only when their thread or its state changes. They are
// below the fold, so they mount just after the page's first commit (useDeferredMount).

import { useMemo } from 'react';
import { threadState } from '../../store/index.ts';
import { useSim } from '../storeContext.tsx';
import { useDeferredMount } from '../hooks/useDeferredMount.ts';
import { ThreadPane } from './ThreadPane.tsx';

export function ThreadPanes() {
  const world = useSim((s) => s.frame.world);
  const variant = useSim((s) => s.loaded.kernel);
  const stepThread = useSim((s) => s.stepThread);
  const ready = useDeferredMount();
  const states = useMemo(
    () => (ready ? world.threads.map((t) => threadState(world, t)) : []),
    [world, ready],
  );
  return (
    <section className="threads" aria-label="Threads">
      <h2>Threads</h2>
      <div className="thread-panes">
        {world.threads.map((t, i) => {
          const state = states[i];
          return state ? (
            <ThreadPane
              key={t.id}
              thread={t}
              variant={variant}
              xa={world.xa !== undefined}
              model={world.model}
              state={state}
              onStep={stepThread}
            />
          ) : null;
        })}
      </div>
    </section>
  );
}
