// The fix matrix: the recorded races (rows) against kernels (columns), each cell the explorer's complete
// verdict for that race's setup on that kernel. Columns: the named variants, every single switch flipped
// from v6.4 (each other value of a switch with several), then each flip from v6.3 that makes a kernel no
// earlier column is. Host-neutral: the command line runs the cells on worker threads, the page in a Web
// Worker; kernels with the same flags (v6.7 and v6.12) share one search per row.

import { parseSetup } from '../../engine/index.ts';
import { checkSetup, checkSetupAsync, type CheckOptions, type CheckResult } from './check.ts';
import type { MatrixCell, MatrixCellDetail, MatrixTask } from './matrixPlan.ts';

export {
  cellVerdict,
  matrixColumns,
  planMatrix,
  type MatrixCell,
  type MatrixCellDetail,
  type MatrixColumn,
  type CellVerdict,
  type MatrixRow,
  type MatrixTask,
  type RefusedFlip,
} from './matrixPlan.ts';

function setupOf(task: MatrixTask) {
  const p = parseSetup(task.kernel, task.row.slots, task.row.threads);
  if (!p.ok) throw new Error(`matrix cell ${task.row.race} on ${task.kernel}: ${p.error.message}`);
  return p.value;
}

function cellOf(r: CheckResult): MatrixCellDetail {
  const broken = r.invariants.filter((v) => v.holds === false);
  return {
    broken: broken.map((v) => v.id),
    complete: r.complete,
    states: r.states,
    schedules: Object.fromEntries(broken.map((v) => [v.id, v.schedule ?? []])),
    collapseResults: [...new Set(r.outcomes.map((o) => o.results[0] ?? '(stuck)'))].sort(),
    stop: r.reason,
  };
}

/** One cell: the explorer over every interleaving of the row's setup on the task's kernel. */
export function runCell(task: MatrixTask, options: CheckOptions): MatrixCellDetail {
  return cellOf(checkSetup(setupOf(task), options));
}

/** runCell in slices, awaiting `pause` between them (a Web Worker hears a cancel there). */
export async function runCellAsync(
  task: MatrixTask,
  options: CheckOptions & { readonly pause: () => Promise<void> },
): Promise<MatrixCellDetail> {
  return cellOf(await checkSetupAsync(setupOf(task), options));
}

/** The documented JSON cell: exactly { broken, complete, states }. */
export const cellJson = (c: MatrixCell): MatrixCell => ({
  broken: [...c.broken],
  complete: c.complete,
  states: c.states,
});
