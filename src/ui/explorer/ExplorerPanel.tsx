// "Check every interleaving": the explorer runs on the setup on screen in a Web Worker, with progress, a
// state limit and cancel; the verdict per invariant comes with its shortest counterexample.

import { useId, useState } from 'react';
import type { KernelId } from '../../engine/core.ts';
import { useSim } from '../storeContext.tsx';
import { otherVariant } from './otherVariant.ts';
import { useExplorer } from './useExplorer.ts';
import { Verdicts } from './Verdicts.tsx';

const DEFAULT_LIMIT = '1000000';
const MAX_LIMIT = 20_000_000;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

export default function ExplorerPanel() {
  const loaded = useSim((s) => s.loaded);
  const loadSchedule = useSim((s) => s.loadSchedule);
  const { run, start, cancel } = useExplorer();
  const [limit, setLimit] = useState(DEFAULT_LIMIT);
  const limitId = useId();
  const limitValue = /^\d{1,8}$/.test(limit) ? Number(limit) : NaN;
  const limitOk = limitValue >= 1 && limitValue <= MAX_LIMIT;
  const running = run.t === 'running';

  const checked = run.t === 'done' || run.t === 'running' ? run.setup : null;
  const onLoad = (schedule: readonly number[], compare: KernelId | null) => {
    if (checked) loadSchedule(checked, schedule, compare);
  };

  return (
    <section className="explorer-panel" aria-labelledby="explorer-heading" data-testid="explorer-panel">
      <h2 id="explorer-heading">Check every interleaving</h2>
      <p className="muted">
        Explores every schedule of <code>{`${loaded.kernel} ${loaded.slots} ${loaded.threads}`}</code>{' '}
        breadth-first, in the background, and reports each invariant with a shortest schedule that breaks it.
      </p>
      <form
        className="button-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (!running && limitOk) start(loaded, limitValue);
        }}
      >
        <label htmlFor={limitId}>state limit</label>
        <input
          id={limitId}
          inputMode="numeric"
          size={9}
          value={limit}
          aria-invalid={!limitOk}
          onChange={(e) => setLimit(e.target.value.replace(/[,_\s]/g, ''))}
          data-testid="explorer-limit"
        />
        <button type="submit" disabled={running || !limitOk} data-testid="explorer-run">
          Check every interleaving
        </button>
        <button
          type="button"
          onClick={cancel}
          disabled={!running || run.cancelling}
          data-testid="explorer-cancel"
        >
          Cancel
        </button>
        {!limitOk && <span className="notice">The limit is a whole number from 1 to {fmt(MAX_LIMIT)}.</span>}
      </form>
      {run.t === 'running' && (
        <div role="status" data-testid="explorer-progress">
          <progress
            max={run.maxStates}
            value={run.progress?.states ?? 0}
            aria-label="States explored of the limit"
          />
          <p className="muted">
            {run.cancelling ? 'Cancelling… ' : 'Exploring… '}
            {run.progress
              ? `${fmt(run.progress.states)} states, depth ${run.progress.depth}, ${fmt(run.progress.statesPerSecond)} states/s`
              : 'starting'}
          </p>
        </div>
      )}
      {run.t === 'error' && (
        <p className="notice" role="alert">
          The check failed: {run.message}
        </p>
      )}
      {run.t === 'done' && (
        <div data-testid="explorer-done">
          <p role="status" data-testid="explorer-summary">
            <strong>{run.summary.complete ? 'Complete.' : 'Not complete.'}</strong> {run.summary.message} (
            {fmt(run.summary.states)} states, depth {run.summary.depth},{' '}
            {(run.summary.elapsedMs / 1000).toFixed(1)} s) on{' '}
            <code>{`${run.setup.kernel} ${run.setup.slots} ${run.setup.threads}`}</code>.
          </p>
          <Verdicts
            summary={run.summary}
            kernel={run.setup.kernel}
            other={otherVariant(run.setup)}
            onLoad={onLoad}
          />
        </div>
      )}
    </section>
  );
}
