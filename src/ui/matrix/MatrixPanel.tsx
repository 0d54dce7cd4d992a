// "Which change fixes which race": the fix matrix of `collapse-lab matrix` on the page. The races and
// kernels picked are searched in a Web Worker, one exhaustive search per race and distinct kernel, with
// progress and cancel; each broken cell links to its counterexample, loaded as the replay on screen.

import { useId, useMemo, useState } from 'react';
import type { KernelId } from '../../engine/index.ts';
import { matrixColumns, planMatrix, type MatrixRow } from '../../explorer/kernel/matrixPlan.ts';
import { SCENARIOS } from '../../scenarios/index.ts';
import { useSim } from '../storeContext.tsx';
import { MAX_SEARCH_STATES, type MatrixRequest } from '../worker/matrixProtocol.ts';
import { MatrixLegend } from './MatrixLegend.tsx';
import { MatrixPicker } from './MatrixPicker.tsx';
import { MatrixTable } from './MatrixTable.tsx';
import { stoppedSearches } from './matrixState.ts';
import { useMatrix } from './useMatrix.ts';
import './matrix.css';

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const ROWS: readonly MatrixRow[] = SCENARIOS.map((s) => ({ race: s.id, slots: s.slots, threads: s.threads }));
const DEFAULT_LIMIT = '2000000';

export default function MatrixPanel() {
  const loadSchedule = useSim((s) => s.loadSchedule);
  const { columns, refused } = useMemo(matrixColumns, []);
  const [races, setRaces] = useState<ReadonlySet<string>>(() => new Set(ROWS.map((r) => r.race)));
  const [kernels, setKernels] = useState<ReadonlySet<string>>(() => new Set(columns.map((c) => c.kernel)));
  const [limit, setLimit] = useState(DEFAULT_LIMIT);
  const [loadError, setLoadError] = useState<string | null>(null);
  const { run, start, cancel } = useMatrix();
  const limitId = useId();
  const running = run.status === 'running';

  // In the order of the table, whatever the order of picking.
  const rows = useMemo(() => ROWS.filter((r) => races.has(r.race)), [races]);
  const picked = useMemo(
    () => columns.filter((c) => kernels.has(c.kernel)).map((c) => c.kernel),
    [columns, kernels],
  );
  const searches = useMemo(() => planMatrix(rows, picked).tasks.length, [rows, picked]);
  const limitValue = /^\d{1,8}$/.test(limit) ? Number(limit) : NaN;
  const limitOk = limitValue >= 1 && limitValue <= MAX_SEARCH_STATES;
  const problem = !limitOk
    ? `The state limit is a whole number from 1 to ${fmt(MAX_SEARCH_STATES)}.`
    : rows.length === 0
      ? 'Pick at least one race.'
      : picked.length === 0
        ? 'Pick at least one kernel.'
        : null;

  const onLoad = (row: MatrixRow, kernel: KernelId, schedule: readonly number[]) => {
    const ok = loadSchedule({ kernel, slots: row.slots, threads: row.threads }, schedule, null);
    setLoadError(ok ? null : `The counterexample of ${row.race} on ${kernel} could not be loaded.`);
    // Scrolling is one of the direct-DOM uses React cannot do (src/ui/CONTEXT.md).
    if (ok) document.getElementById('memory')?.scrollIntoView({ block: 'start' });
  };
  const request = (): MatrixRequest => ({
    kind: 'start',
    races: rows.map((r) => r.race),
    kernels: picked,
    maxStates: limitValue,
  });
  const total = run.plan?.tasks.length ?? searches;
  const stopped = stoppedSearches(run);

  return (
    <section className="matrix-panel" aria-labelledby="matrix-heading" data-testid="matrix-panel">
      <h2 id="matrix-heading">Which change fixes which race</h2>
      <p className="muted">
        Every interleaving of each recorded race's setup, on the named kernels and on v6.4 (or v6.3) with one
        switch flipped: the column shows what that one decision of the series does. Hover a column for its
        commit and change; a broken cell's links load its shortest counterexample.
      </p>
      <MatrixPicker
        columns={columns}
        races={races}
        kernels={kernels}
        disabled={running}
        onRaces={setRaces}
        onKernels={setKernels}
      />
      <form
        className="button-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (!running && problem === null) start(request());
        }}
      >
        <label htmlFor={limitId}>state limit per search</label>
        <input
          id={limitId}
          inputMode="numeric"
          size={9}
          value={limit}
          aria-invalid={!limitOk}
          onChange={(e) => setLimit(e.target.value.replace(/[,_\s]/g, ''))}
          data-testid="matrix-limit"
        />
        <button type="submit" disabled={running || problem !== null} data-testid="matrix-run">
          Compute {rows.length} × {picked.length} ({searches} searches)
        </button>
        <button type="button" onClick={cancel} disabled={!running} data-testid="matrix-cancel">
          Cancel
        </button>
        {problem !== null && <span className="notice">{problem}</span>}
      </form>
      {running && (
        <div role="status" data-testid="matrix-progress">
          <progress max={total} value={run.searchesDone} aria-label="Searches done" />{' '}
          <span>
            {run.searchesDone} of {total} searches, {fmt(run.states)} states
          </span>
        </div>
      )}
      {run.status === 'done' && (
        <p role="status" data-testid="matrix-status">
          Done: {total} searches, {fmt(run.states)} states, {((run.elapsedMs ?? 0) / 1000).toFixed(1)} s.
        </p>
      )}
      {run.status === 'cancelled' && (
        <p role="status" data-testid="matrix-status">
          Cancelled after {run.searchesDone} of {total} searches ({fmt(run.states)} states); the cells done
          are kept.
        </p>
      )}
      {run.status === 'error' && (
        <p className="notice" role="alert" data-testid="matrix-error">
          The matrix failed: {run.message}
        </p>
      )}
      {stopped.length > 0 && (
        <p className="notice" data-testid="matrix-stopped">
          {stopped.length} search{stopped.length === 1 ? '' : 'es'} stopped at a limit before finishing (
          {[
            ...new Set(
              stopped.map((c) => (c.stop === 'maxMemory' ? 'the page memory budget' : 'the state limit')),
            ),
          ].join(', ')}
          ): a cell marked ? is no verdict; raise the state limit to finish it.
        </p>
      )}
      {loadError !== null && (
        <p className="notice" role="alert">
          {loadError}
        </p>
      )}
      {run.plan && <MatrixLegend />}
      <MatrixTable run={run} columns={columns} onLoad={onLoad} />
      {refused.length > 0 && (
        <details className="muted">
          <summary>{refused.length} single flips the engine cannot run (not columns)</summary>
          <ul>
            {refused.map((r) => (
              <li key={r.kernel}>
                <code>{r.kernel}</code>: {r.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
