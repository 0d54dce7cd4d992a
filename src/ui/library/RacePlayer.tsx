// The transport, the one place that moves through the schedule step by step: back, play or pause, next
// (the recorded schedule, then round-robin), to the end, the speed, and a jump to the step where the race
// breaks. Shared by the page (above the grid) and the embed layout, where Next stops at the end of the
// recording (an embedded race is a player, not a sandbox). Back, Play and Next name their keys.

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
  return (
    <div className="race-player button-row" role="group" aria-label="Race playback">
      <button
        type="button"
        onClick={a.stepBack}
        disabled={cursor === 0}
        aria-keyshortcuts="ArrowLeft z"
        data-testid="race-back"
      >
        ◀ Back <kbd aria-hidden="true">z</kbd>
      </button>
      <button
        type="button"
        onClick={playing ? a.pause : a.play}
        aria-pressed={playing}
        aria-keyshortcuts="p"
        data-testid="race-play"
      >
        {playing ? '❚❚ Pause' : '▶ Play'} <kbd aria-hidden="true">p</kbd>
      </button>
      <button
        type="button"
        onClick={() => a.next()}
        disabled={!canForward}
        aria-keyshortcuts="ArrowRight"
        data-testid="race-forward"
      >
        Next ▶{' '}
        {(cursor < total || !compact) && (
          <span className="muted">{cursor < total ? '(recorded)' : '(round-robin)'}</span>
        )}
      </button>
      {!compact && (
        <button
          type="button"
          onClick={() => a.jumpTo(total)}
          disabled={cursor >= total}
          data-testid="race-end"
        >
          To the end ⇥
        </button>
      )}
      <button
        type="button"
        onClick={() => breakAt !== null && a.jumpTo(breakAt)}
        disabled={breakAt === null}
        title={breakAt === null ? 'This race breaks no invariant' : `Go to step ${breakAt - 1}`}
        data-testid="jump-break"
      >
        Jump to the break{breakAt !== null ? ` (step ${breakAt - 1})` : ''}
      </button>
      <label className="inline-field">
        speed
        <select value={speed} onChange={(e) => a.setSpeed(Number(e.target.value) as Speed)}>
          {SPEEDS.map((v) => (
            <option key={v} value={v}>
              {v}×
            </option>
          ))}
        </select>
      </label>
      <span className="muted" data-testid="race-step">
        {cursor} of {total} steps taken
      </span>
    </div>
  );
}
