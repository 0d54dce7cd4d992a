// The transport, the one place that moves through the schedule step by step: the primary cluster (Back,
// Play or Pause, Next: the recorded schedule, then round-robin), then to the end, the jump to the step
// where the race breaks, the speed and where we are ("step 11 of 32", 1-based like every step number on
// the page). Shared by the page and the embed layout, where Next stops at the end of the recording (an
// embedded race is a player, not a sandbox). Back, Play and Next name their keys.

import { useMemo } from 'react';
import type { Speed } from '../../store/index.ts';
import { breakCursor, selectCanStepForward, selectScenario, SPEEDS } from '../../store/index.ts';
import { useSim, useSimStore } from '../storeContext.tsx';

export function RacePlayer({ compact = false }: { readonly compact?: boolean }) {
  const playing = useSim((s) => s.playing);
  const cursor = useSim((s) => s.cursor);
  const total = useSim((s) => s.choices.length);
  const speed = useSim((s) => s.speed);
  const records = useSim((s) => s.records);
  const scenario = useSim(selectScenario);
  const canGoOn = useSim(selectCanStepForward);
  const canForward = compact ? cursor < total : canGoOn;
  // Actions through the store, so this bar re-renders only for what it shows.
  const a = useSimStore().getState();
  // A scan of the records: once per schedule, not once per step.
  const breakAt = useMemo(() => breakCursor(records, scenario), [records, scenario]);
  const atBreak = breakAt !== null && cursor === breakAt;
  return (
    <div className="transport" role="group" aria-label="Race playback">
      <div className="primary-cluster">
        <button
          type="button"
          className="btn"
          onClick={a.stepBack}
          disabled={cursor === 0}
          aria-keyshortcuts="ArrowLeft z"
          data-testid="race-back"
        >
          ◀ Back <kbd aria-hidden="true">z</kbd>
        </button>
        <button
          type="button"
          className="btn btn-primary"
          onClick={playing ? a.pause : a.play}
          aria-pressed={playing}
          aria-keyshortcuts="p"
          data-testid="race-play"
        >
          {playing ? '❚❚ Pause' : '▶ Play'} <kbd aria-hidden="true">p</kbd>
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => a.next()}
          disabled={!canForward}
          aria-keyshortcuts="ArrowRight"
          data-testid="race-forward"
          title={cursor < total ? 'The next recorded step' : 'The next thread, round-robin'}
        >
          Next ▶{' '}
          {!compact && <span className="next-hint">{cursor < total ? '(recorded)' : '(round-robin)'}</span>}
          <kbd aria-hidden="true">→</kbd>
        </button>
      </div>
      <span className="step-counter" data-testid="race-step" aria-live="off">
        step {cursor} of {total}
      </span>
      <div className="secondary-cluster">
        {!compact && (
          <button
            type="button"
            className="btn btn-quiet"
            onClick={() => a.jumpTo(total)}
            disabled={cursor >= total}
            data-testid="race-end"
          >
            End ⇥
          </button>
        )}
        <button
          type="button"
          className={`btn btn-quiet${atBreak ? ' at-break' : ''}`}
          onClick={() => breakAt !== null && a.jumpTo(breakAt)}
          disabled={breakAt === null}
          title={breakAt === null ? 'This race breaks no invariant' : `Go to step ${breakAt}`}
          data-testid="jump-break"
        >
          Break{breakAt !== null ? ` (step ${breakAt})` : ''}
        </button>
        <label className="inline-field speed">
          <span className="visually-hidden">speed</span>
          <select
            value={speed}
            aria-label="speed"
            onChange={(e) => a.setSpeed(Number(e.target.value) as Speed)}
          >
            {SPEEDS.map((v) => (
              <option key={v} value={v}>
                {v}×
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
