// Changing the schedule, the transport's quieter second row: redo a step undone, reset, fork a new
// schedule from here, finish the run round-robin or at random (seeded), go to a step (1-based: "go to
// step 11" shows the world after step 11), and the motion switch. Every control with a key names it.
// The notice (a refused step) lives in the narration's fixed box, so it never moves the grid.

import { useState } from 'react';
import { selectCanRedo, selectCanStepBack } from '../../store/index.ts';
import { useSim, useSimStore } from '../storeContext.tsx';

export function PlaybackBar() {
  // Only what the bar shows is selected, so it re-renders for those and not for every step; actions are
  // read from the store (they never change).
  const lastRun = useSim((x) => x.lastRun);
  const motion = useSim((x) => x.motion);
  const s = useSimStore().getState();
  const canBack = useSim(selectCanStepBack);
  const canRedo = useSim(selectCanRedo);
  const [seed, setSeed] = useState('1');
  const [goto, setGoto] = useState('');
  const seedNumber = /^\d{1,9}$/.test(seed) ? Number(seed) : null;

  return (
    <section className="playback" aria-label="Schedule">
      <div className="button-row quiet-row">
        <button
          type="button"
          className="btn btn-quiet"
          onClick={s.redo}
          disabled={!canRedo}
          aria-keyshortcuts="y"
          data-testid="redo"
        >
          Redo <kbd aria-hidden="true">y</kbd>
        </button>
        <button type="button" className="btn btn-quiet" onClick={s.reset} disabled={!canBack}>
          Reset to start
        </button>
        <button
          type="button"
          className="btn btn-quiet"
          onClick={s.fork}
          disabled={!canRedo}
          title="Drop the recorded steps after this one"
        >
          Fork here
        </button>
        <button type="button" className="btn btn-quiet" onClick={s.runRoundRobin}>
          Finish round-robin
        </button>
        <span className="inline-field">
          <label htmlFor="seed">seed</label>
          <input
            id="seed"
            inputMode="numeric"
            size={6}
            value={seed}
            onChange={(e) => setSeed(e.target.value)}
          />
          <button
            type="button"
            className="btn btn-quiet"
            disabled={seedNumber === null}
            onClick={() => seedNumber !== null && s.runRandom(seedNumber)}
          >
            Finish at random
          </button>
        </span>
        <form
          className="inline-field"
          onSubmit={(e) => {
            e.preventDefault();
            s.goToStep(goto);
          }}
        >
          <label htmlFor="goto">go to step</label>
          <input
            id="goto"
            inputMode="numeric"
            size={5}
            value={goto}
            onChange={(e) => setGoto(e.target.value)}
          />
          <button type="submit" className="btn btn-quiet">
            Go
          </button>
        </form>
        {lastRun && (
          <span data-testid="last-run">
            {lastRun.kind === 'random' ? `Finished at random, seed ${lastRun.seed}` : 'Finished round-robin'}
          </span>
        )}
        <label className="inline-field">
          <input
            type="checkbox"
            checked={motion}
            onChange={(e) => s.setMotion(e.target.checked)}
            data-testid="motion"
          />
          animate
        </label>
      </div>
    </section>
  );
}
