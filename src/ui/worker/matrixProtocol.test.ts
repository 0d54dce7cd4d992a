// The matrix worker's protocol without a worker: the request's check, and the messages runMatrix sends
// for a small matrix (its cells the same as the command line's runCell).
import { describe, expect, it } from 'vitest';
import { runCell, type MatrixCellDetail, type MatrixRow } from '../../explorer/index.ts';
import { SCENARIOS } from '../../scenarios/index.ts';
import {
  MAX_MATRIX_KERNELS,
  MAX_SEARCH_STATES,
  planRequest,
  type MatrixRequest,
  type MatrixResponse,
} from './matrixProtocol.ts';
import { runMatrix, type MatrixHost } from './matrixRun.ts';

const ROWS: readonly MatrixRow[] = SCENARIOS.map((s) => ({ race: s.id, slots: s.slots, threads: s.threads }));
const req = (o: Partial<MatrixRequest>): MatrixRequest => ({
  kind: 'start',
  races: ['seek-data'],
  kernels: ['v6.3'],
  maxStates: 100_000,
  ...o,
});
const message = (r: MatrixRequest) => {
  const p = planRequest(r, ROWS);
  return p.ok ? null : p.message;
};

describe('planRequest', () => {
  it('plans one search per race and distinct flags: v6.7 and v6.12 share one', () => {
    const p = planRequest(req({ races: ['seek-data', 'mincore'], kernels: ['v6.3', 'v6.7', 'v6.12'] }), ROWS);
    if (!p.ok) throw new Error(p.message);
    expect(p.plan.rows.map((r) => r.race)).toEqual(['seek-data', 'mincore']);
    expect(p.plan.kernels).toEqual(['v6.3', 'v6.7', 'v6.12']);
    expect(p.plan.tasks).toHaveLength(4);
    expect(p.plan.at).toEqual([
      [0, 1, 1],
      [2, 3, 3],
    ]);
  });

  it('writes a kernel string in its canonical form', () => {
    const p = planRequest(req({ kernels: ['v6.4/old-pages=freeze-keep'] }), ROWS);
    expect(p.ok && p.plan.kernels).toEqual(['v6.4/old-pages=freeze-keep']);
  });

  it('names what is wrong with a bad request', () => {
    expect(message(req({ races: [] }))).toBe('pick at least one race (a row)');
    expect(message(req({ kernels: [] }))).toBe('pick at least one kernel (a column)');
    expect(message(req({ races: ['seek-dat'] }))).toBe('unknown race "seek-dat" (did you mean seek-data?)');
    expect(message(req({ races: ['mincore', 'mincore'] }))).toBe('race mincore is asked for twice');
    expect(message(req({ kernels: ['v6.4/old-pages=frozen'] }))).toBe(
      'kernel "v6.4/old-pages=frozen": switch old-pages takes freeze-replace or freeze-keep or count-keep, not "frozen"',
    );
    expect(message(req({ kernels: ['v6.4/commit-order=v6.3'] }))).toMatch(
      /uffd-check=on needs commit-order=p3/,
    );
    expect(message(req({ kernels: ['v6.4', 'v6.4'] }))).toBe('kernel v6.4 is asked for twice');
    expect(message(req({ kernels: Array.from({ length: MAX_MATRIX_KERNELS + 1 }, () => 'v6.4') }))).toBe(
      `${MAX_MATRIX_KERNELS + 1} kernels asked for; a matrix has at most ${MAX_MATRIX_KERNELS} columns`,
    );
    for (const maxStates of [0, 1.5, MAX_SEARCH_STATES + 1, Number.NaN])
      expect(message(req({ maxStates }))).toMatch(
        /^the state limit must be a whole number from 1 to 5,000,000/,
      );
  });
});

function host(search: MatrixHost['search']) {
  const sent: MatrixResponse[] = [];
  let t = 0;
  return { sent, host: { post: (m: MatrixResponse) => sent.push(m), now: () => (t += 10), search } };
}

describe('runMatrix', () => {
  it('sends the plan, progress, each cell as the command line computes it, then the total', () => {
    const r = req({ races: ['seek-data', 'uffd-hole'], kernels: ['v6.3', 'v6.4', 'v6.4/uffd-check=off'] });
    const { sent, host: h } = host((task, maxStates, onStates) =>
      runCell(task, { now: () => 0, maxStates, progressEvery: 50, onProgress: (p) => onStates(p.states) }),
    );
    runMatrix(r, ROWS, h);
    expect(sent[0]?.kind).toBe('plan');
    const cells = sent.flatMap((m) => (m.kind === 'cell' ? [m] : []));
    expect(cells.map((c) => c.search)).toEqual([0, 1, 2, 3, 4, 5]);
    const broken = cells.map((c) => c.cell.broken);
    // seek-data: broken on v6.3, fixed on v6.4 and without 3/4's check; uffd-hole: that check fixes it.
    expect(broken[0]).toContain('seek');
    expect(broken[1]).toEqual([]);
    expect(broken[2]).toEqual([]);
    expect(broken[5]).toContain('uffd');
    expect(broken[4]).toEqual([]);
    for (const c of cells) {
      const task = (sent[0] as Extract<MatrixResponse, { kind: 'plan' }>).plan.tasks[c.search];
      if (!task) throw new Error('no task');
      const cli: MatrixCellDetail = runCell(task, { now: () => 0 });
      expect(c.cell).toEqual(cli);
    }
    const progress = sent.flatMap((m) => (m.kind === 'progress' ? [m] : []));
    expect(progress.length).toBeGreaterThan(0);
    // Progress counts the finished searches' states plus the running one's, so it never goes back.
    for (let i = 1; i < progress.length; i++)
      expect(progress[i]?.states ?? 0).toBeGreaterThanOrEqual(progress[i - 1]?.states ?? 0);
    const total = cells.reduce((n, c) => n + c.cell.states, 0);
    expect(sent.at(-1)).toEqual({ kind: 'done', states: total, elapsedMs: 10 });
  });

  it('answers a bad request with one error and runs nothing', () => {
    const { sent, host: h } = host(() => {
      throw new Error('must not run');
    });
    runMatrix(req({ races: ['nope'] }), ROWS, h);
    expect(sent).toEqual([{ kind: 'error', message: 'unknown race "nope"' }]);
  });

  it('names the search that failed', () => {
    const { sent, host: h } = host(() => {
      throw new Error('out of memory');
    });
    runMatrix(req({}), ROWS, h);
    expect(sent.map((m) => m.kind)).toEqual(['plan', 'error']);
    expect(sent[1]).toEqual({
      kind: 'error',
      message: 'the search of seek-data on v6.3 failed: out of memory',
    });
  });
});
