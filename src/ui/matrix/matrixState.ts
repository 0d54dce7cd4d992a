// The page's matrix run as plain data, and how each worker message moves it on (pure: unit-tested
// without a worker). Cells are kept by search; the table reads them through the plan's `at`.

import type { MatrixCellDetail } from '../../explorer/kernel/matrixPlan.ts';
import type { MatrixPlan, MatrixResponse } from '../worker/matrixProtocol.ts';

export interface MatrixRunState {
  readonly status: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  /** Known once the worker has accepted the request. */
  readonly plan: MatrixPlan | null;
  /** By search index; undefined until that search has finished. */
  readonly cells: readonly (MatrixCellDetail | undefined)[];
  readonly searchesDone: number;
  /** Stored by every search so far, the running one included. */
  readonly states: number;
  /** The worker's own measure, once done. */
  readonly elapsedMs: number | null;
  readonly message: string | null;
}

export const IDLE: MatrixRunState = {
  status: 'idle',
  plan: null,
  cells: [],
  searchesDone: 0,
  states: 0,
  elapsedMs: null,
  message: null,
};

export const started = (): MatrixRunState => ({ ...IDLE, status: 'running' });

/** The state after one message from the worker; messages after the run has ended change nothing. */
export function onResponse(s: MatrixRunState, m: MatrixResponse): MatrixRunState {
  if (s.status !== 'running') return s;
  switch (m.kind) {
    case 'plan':
      return { ...s, plan: m.plan, cells: m.plan.tasks.map(() => undefined) };
    case 'progress':
      return { ...s, states: Math.max(s.states, m.states) };
    case 'cell': {
      const cells = [...s.cells];
      cells[m.search] = m.cell;
      const finished = cells.reduce((n, c) => n + (c === undefined ? 0 : c.states), 0);
      return { ...s, cells, searchesDone: s.searchesDone + 1, states: finished };
    }
    case 'done':
      return { ...s, status: 'done', states: m.states, elapsedMs: m.elapsedMs };
    case 'error':
      return { ...s, status: 'error', message: m.message };
  }
}

/** Cancelled by the page: the worker is gone, the cells done stay. */
export const cancelled = (s: MatrixRunState): MatrixRunState =>
  s.status === 'running' ? { ...s, status: 'cancelled' } : s;

/** The worker itself failed (it did not load, or it crashed). */
export const failed = (s: MatrixRunState, message: string): MatrixRunState =>
  s.status === 'running' ? { ...s, status: 'error', message } : s;

/** Cell (r, c) once its search has finished. */
export function cellAt(s: MatrixRunState, r: number, c: number): MatrixCellDetail | undefined {
  const i = s.plan?.at[r]?.[c];
  return i === undefined ? undefined : s.cells[i];
}

/** Searches that stopped at a limit before finishing (their cells are not verdicts unless broken). */
export function stoppedSearches(s: MatrixRunState): readonly MatrixCellDetail[] {
  return s.cells.filter((c): c is MatrixCellDetail => c !== undefined && !c.complete);
}
