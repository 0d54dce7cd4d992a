// Messages between the page and the matrix worker (plain data, structured-cloned), and the one check of a
// request both sides share: the races and kernels it names, and its per-search state limit.

import { parseKernel, type KernelId } from '../../engine/index.ts';
import { closest } from '../../engine/suggest.ts';
import { quoteInput } from '../../engine/quote.ts';
import {
  planMatrix,
  type MatrixCellDetail,
  type MatrixRow,
  type MatrixTask,
} from '../../explorer/kernel/matrixPlan.ts';

/** The most states one search may store: the page's memory budget holds about this many. */
export const MAX_SEARCH_STATES = 5_000_000;
/** A column per kernel asked for; more than this is a typing accident, not a matrix. */
export const MAX_MATRIX_KERNELS = 64;

export interface MatrixRequest {
  readonly kind: 'start';
  /** Recorded races' ids: the rows, in this order. */
  readonly races: readonly string[];
  /** Kernel strings: the columns, in this order. */
  readonly kernels: readonly string[];
  /** The state limit of each search. */
  readonly maxStates: number;
}

/** What the worker runs: the rows and columns, the searches, and per cell the search answering it. */
export interface MatrixPlan {
  readonly rows: readonly MatrixRow[];
  readonly kernels: readonly KernelId[];
  readonly tasks: readonly MatrixTask[];
  /** at[r][c]: the index in `tasks` of cell (r, c); kernels with the same flags share one per row. */
  readonly at: readonly (readonly number[])[];
}

export type MatrixResponse =
  | { readonly kind: 'plan'; readonly plan: MatrixPlan }
  /** `states`: stored so far by every search of the run, the one running included. */
  | { readonly kind: 'progress'; readonly search: number; readonly states: number }
  | { readonly kind: 'cell'; readonly search: number; readonly cell: MatrixCellDetail }
  | { readonly kind: 'done'; readonly states: number; readonly elapsedMs: number }
  | { readonly kind: 'error'; readonly message: string };

export type Planned =
  { readonly ok: true; readonly plan: MatrixPlan } | { readonly ok: false; readonly message: string };

/** The request's plan, or one sentence naming what is wrong with it. */
export function planRequest(req: MatrixRequest, known: readonly MatrixRow[]): Planned {
  const fail = (message: string): Planned => ({ ok: false, message });
  if (!Number.isInteger(req.maxStates) || req.maxStates < 1 || req.maxStates > MAX_SEARCH_STATES)
    return fail(
      `the state limit must be a whole number from 1 to ${MAX_SEARCH_STATES.toLocaleString('en-US')}, not ${String(req.maxStates)}`,
    );
  if (req.races.length === 0) return fail('pick at least one race (a row)');
  if (req.kernels.length === 0) return fail('pick at least one kernel (a column)');
  if (req.kernels.length > MAX_MATRIX_KERNELS)
    return fail(
      `${req.kernels.length} kernels asked for; a matrix has at most ${MAX_MATRIX_KERNELS} columns`,
    );
  const rows: MatrixRow[] = [];
  for (const id of req.races) {
    const row = known.find((r) => r.race === id);
    if (!row) {
      const near = closest(
        id,
        known.map((r) => r.race),
      );
      return fail(`unknown race ${quoteInput(id)}${near === null ? '' : ` (did you mean ${near}?)`}`);
    }
    if (rows.includes(row)) return fail(`race ${id} is asked for twice`);
    rows.push(row);
  }
  const kernels: KernelId[] = [];
  for (const k of req.kernels) {
    const p = parseKernel(k);
    if (!p.ok) return fail(p.error);
    if (kernels.includes(p.kernel.id)) return fail(`kernel ${p.kernel.id} is asked for twice`);
    kernels.push(p.kernel.id);
  }
  const { tasks, at } = planMatrix(rows, kernels);
  return { ok: true, plan: { rows, kernels, tasks, at } };
}
