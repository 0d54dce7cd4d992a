// `collapse-lab matrix [--json]`: which change fixes which race. Rows are the recorded races, columns the
// named variants and every single switch flipped from v6.4 (and from v6.3 where that makes another
// kernel); each cell is the explorer's complete verdict for that race's setup on that kernel.

import { kernelOf } from '../engine/index.ts';
import { closest } from '../engine/suggest.ts';
import { quoteInput } from '../engine/quote.ts';
import {
  cellJson,
  cellVerdict,
  matrixColumns,
  planMatrix,
  type CellVerdict,
  type MatrixCellDetail,
  type MatrixColumn,
  type MatrixRow,
  type RefusedFlip,
} from '../explorer/index.ts';
import { SCENARIOS } from '../scenarios/index.ts';
import { parseCommandLine, positiveInt, UsageError } from './args.ts';
import type { Io } from './main.ts';
import { defaultJobs, runCells } from './matrixPool.ts';
import { setupFrom } from './replayArgs.ts';

const FLAGS = {
  json: { type: 'boolean' },
  jobs: { type: 'string' },
  'max-states': { type: 'string' },
  races: { type: 'string' },
  kernels: { type: 'string' },
} as const;

const ALL_ROWS: readonly MatrixRow[] = SCENARIOS.map((s) => ({
  race: s.id,
  slots: s.slots,
  threads: s.threads,
}));

export interface Matrix {
  readonly rows: readonly MatrixRow[];
  readonly columns: readonly MatrixColumn[];
  readonly refused: readonly RefusedFlip[];
  /** cells[r][c]. */
  readonly cells: readonly (readonly MatrixCellDetail[])[];
  /** Searches run: kernels with the same flags (v6.7 and v6.12) share one per row. */
  readonly searches: number;
  readonly states: number;
  readonly elapsedMs: number;
  readonly jobs: number;
}

/** The matrix (all races and columns unless narrowed), its cells on `jobs` workers. */
export async function computeMatrix(o: {
  readonly jobs: number;
  readonly maxStates?: number;
  readonly rows?: readonly MatrixRow[];
  readonly kernels?: readonly string[];
}): Promise<Matrix> {
  const t0 = performance.now();
  const rows = o.rows ?? ALL_ROWS;
  const all = matrixColumns();
  const columns: MatrixColumn[] = o.kernels
    ? o.kernels.map((k) => {
        // A kernel given by hand: as parsed (exit 2 naming what is wrong), its column if it is one.
        const id = setupFrom(k, 'P', 'collapse').variant;
        return (
          all.columns.find((c) => c.kernel === id) ?? {
            kernel: id,
            base: kernelOf(id).base,
            flip: null,
            commit: null,
          }
        );
      })
    : all.columns;
  const { tasks, at } = planMatrix(
    rows,
    columns.map((c) => c.kernel),
  );
  const done = await runCells(tasks, {
    jobs: o.jobs,
    ...(o.maxStates !== undefined && { maxStates: o.maxStates }),
  });
  return {
    rows,
    columns,
    refused: o.kernels ? [] : all.refused,
    cells: at.map((r) => r.map((i) => done[i] as MatrixCellDetail)),
    searches: tasks.length,
    states: done.reduce((n, c) => n + c.states, 0),
    elapsedMs: performance.now() - t0,
    jobs: Math.max(1, Math.min(o.jobs, tasks.length)),
  };
}

/** The documented shape: rows, columns by kernel string, cells[r][c] = { broken, complete, states }. */
export function matrixJson(m: Matrix) {
  return {
    rows: m.rows.map((r) => ({ race: r.race, slots: r.slots, threads: r.threads })),
    columns: m.columns.map((c) => ({ kernel: c.kernel })),
    cells: m.cells.map((r) => r.map(cellJson)),
  };
}

const collapses = (c: MatrixCellDetail) => c.collapseResults.includes('SCAN_SUCCEED');
const MARK: Record<CellVerdict, string> = { broken: 'X', holds: '.', 'no-collapse': 'f', stopped: '?' };
const mark = (c: MatrixCellDetail) => MARK[cellVerdict(c)];

function printMatrix(io: Io, m: Matrix): void {
  io.out('kernels (columns):\n');
  m.columns.forEach((c, j) => {
    const commit = c.commit ? ` ${c.commit.id} ${c.commit.title}` : '';
    io.out(`${`  ${String(j + 1).padStart(2)} ${c.kernel.padEnd(34)}${commit}`.trimEnd()}\n`);
  });
  const width = Math.max(...m.rows.map((r) => r.race.length));
  io.out(`\n${''.padEnd(width)} ${m.columns.map((_, j) => String(j + 1).padStart(2)).join(' ')}\n`);
  m.rows.forEach((r, i) => {
    io.out(`${r.race.padEnd(width)} ${(m.cells[i] ?? []).map((c) => mark(c).padStart(2)).join(' ')}\n`);
  });
  io.out(
    'X an invariant broken, . all hold, f all hold but the collapse never succeeds, ? search stopped before finding a break\n',
  );
  io.out('\nbroken, by column:\n');
  m.rows.forEach((r, i) => {
    const row = m.cells[i] ?? [];
    const broken = row.flatMap((c, j) => (c.broken.length > 0 ? [`${j + 1} (${c.broken.join(', ')})`] : []));
    io.out(`  ${r.race}: ${broken.length > 0 ? broken.join(', ') : 'nothing'}\n`);
    const fails = row.flatMap((c, j) =>
      c.complete && !collapses(c) ? [`${j + 1} (${c.collapseResults.join(', ')})`] : [],
    );
    if (fails.length > 0) io.out(`  ${''.padEnd(r.race.length)}  never collapses: ${fails.join(', ')}\n`);
  });
  if (m.refused.length > 0) {
    io.out('\nsingle flips the engine cannot run (not columns):\n');
    for (const r of m.refused) io.out(`  ${r.kernel}: ${r.reason}\n`);
  }
  io.out(
    `\n${m.rows.length} races x ${m.columns.length} kernels: ${m.searches} searches (kernels with the same flags share one), ${m.states.toLocaleString('en-US')} states, ${(m.elapsedMs / 1000).toFixed(1)} s on ${m.jobs} worker${m.jobs === 1 ? '' : 's'}\n`,
  );
}

function racesFrom(list: string): MatrixRow[] {
  return list.split(',').map((id) => {
    const row = ALL_ROWS.find((r) => r.race === id);
    if (row) return row;
    const near = closest(
      id,
      ALL_ROWS.map((r) => r.race),
    );
    throw new UsageError(
      `unknown race ${quoteInput(id)}${near === null ? '' : ` (did you mean ${near}?)`}; races: ${ALL_ROWS.map((r) => r.race).join(', ')}`,
    );
  });
}

export async function matrixCommand(argv: string[], io: Io): Promise<number> {
  const { values, positional } = parseCommandLine(argv, FLAGS, 'argument');
  if (positional !== undefined) throw new UsageError('takes no argument (the rows are the recorded races)');
  const jobs = positiveInt(values.jobs, 'jobs') ?? defaultJobs();
  const maxStates = positiveInt(values['max-states'], 'max-states');
  const m = await computeMatrix({
    jobs,
    ...(maxStates !== undefined && { maxStates }),
    ...(values.races !== undefined && { rows: racesFrom(values.races) }),
    ...(values.kernels !== undefined && { kernels: values.kernels.split(',') }),
  });
  if (values.json) io.out(`${JSON.stringify(matrixJson(m), null, 2)}\n`);
  else printMatrix(io, m);
  return m.cells.every((r) => r.every((c) => c.complete)) ? 0 : 3;
}
