// The page's matrix run, message by message: cells land by search and fill every cell sharing it,
// progress never goes back, cancel and failure keep the cells done, late messages change nothing.
import { describe, expect, it } from 'vitest';
import type { MatrixCellDetail } from '../../explorer/kernel/matrixPlan.ts';
import { SCENARIOS } from '../../scenarios/index.ts';
import { planRequest, type MatrixPlan } from '../worker/matrixProtocol.ts';
import { cancelled, cellAt, failed, IDLE, onResponse, started, stoppedSearches } from './matrixState.ts';

const ROWS = SCENARIOS.map((s) => ({ race: s.id, slots: s.slots, threads: s.threads }));
function plan(): MatrixPlan {
  const p = planRequest(
    { kind: 'start', races: ['seek-data'], kernels: ['v6.3', 'v6.7', 'v6.12'], maxStates: 10 },
    ROWS,
  );
  if (!p.ok) throw new Error(p.message);
  return p.plan;
}
const cell = (o: Partial<MatrixCellDetail>): MatrixCellDetail => ({
  broken: [],
  complete: true,
  states: 100,
  schedules: {},
  collapseResults: ['SCAN_SUCCEED'],
  stop: 'done',
  ...o,
});

describe('the matrix run state', () => {
  it('goes from the plan through cells to done', () => {
    let s = onResponse(started(), { kind: 'plan', plan: plan() });
    expect(s.cells).toEqual([undefined, undefined]);
    s = onResponse(s, { kind: 'progress', search: 0, states: 40 });
    expect(s.states).toBe(40);
    s = onResponse(s, { kind: 'cell', search: 0, cell: cell({ broken: ['seek'], states: 50 }) });
    expect(s.searchesDone).toBe(1);
    expect(s.states).toBe(50);
    expect(cellAt(s, 0, 0)?.broken).toEqual(['seek']);
    expect(cellAt(s, 0, 1)).toBeUndefined();
    s = onResponse(s, { kind: 'progress', search: 1, states: 30 });
    expect(s.states).toBe(50);
    s = onResponse(s, { kind: 'cell', search: 1, cell: cell({ states: 70 }) });
    // v6.7 and v6.12 share the one search.
    expect(cellAt(s, 0, 1)).toBe(cellAt(s, 0, 2));
    expect(s.states).toBe(120);
    s = onResponse(s, { kind: 'done', states: 120, elapsedMs: 900 });
    expect(s).toMatchObject({ status: 'done', searchesDone: 2, states: 120, elapsedMs: 900 });
    expect(onResponse(s, { kind: 'error', message: 'late' })).toBe(s);
  });

  it('keeps the cells done when cancelled or failed, and ignores the worker afterwards', () => {
    const s = onResponse(onResponse(started(), { kind: 'plan', plan: plan() }), {
      kind: 'cell',
      search: 0,
      cell: cell({}),
    });
    const c = cancelled(s);
    expect(c.status).toBe('cancelled');
    expect(cellAt(c, 0, 0)).toBeDefined();
    expect(onResponse(c, { kind: 'cell', search: 1, cell: cell({}) })).toBe(c);
    const f = failed(s, 'the matrix worker failed to start');
    expect(f).toMatchObject({
      status: 'error',
      message: 'the matrix worker failed to start',
      searchesDone: 1,
    });
    expect(cancelled(IDLE)).toBe(IDLE);
  });

  it('lists the searches a limit stopped', () => {
    let s = onResponse(started(), { kind: 'plan', plan: plan() });
    s = onResponse(s, {
      kind: 'cell',
      search: 0,
      cell: cell({ complete: false, stop: 'maxStates', states: 10 }),
    });
    expect(stoppedSearches(s).map((c) => c.stop)).toEqual(['maxStates']);
  });
});
