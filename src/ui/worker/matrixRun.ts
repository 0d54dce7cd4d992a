// The matrix worker's work, host-free: plan the request, run its searches one after the other, and say
// so in messages (the plan, progress within each search, each cell as it lands, the total). The page
// cancels by terminating the worker, so nothing here waits for a message.

import type { MatrixCellDetail, MatrixRow, MatrixTask } from '../../explorer/kernel/matrixPlan.ts';
import { planRequest, type MatrixRequest, type MatrixResponse } from './matrixProtocol.ts';

export interface MatrixHost {
  readonly post: (m: MatrixResponse) => void;
  readonly now: () => number;
  /** One search to the end or its limit; `onStates` hears how many states it has stored so far. */
  readonly search: (
    task: MatrixTask,
    maxStates: number,
    onStates: (states: number) => void,
  ) => MatrixCellDetail;
}

export function runMatrix(req: MatrixRequest, known: readonly MatrixRow[], host: MatrixHost): void {
  const t0 = host.now();
  const planned = planRequest(req, known);
  if (!planned.ok) return host.post({ kind: 'error', message: planned.message });
  const { plan } = planned;
  host.post({ kind: 'plan', plan });
  let before = 0;
  for (const [search, task] of plan.tasks.entries()) {
    let cell: MatrixCellDetail;
    try {
      cell = host.search(task, req.maxStates, (n) =>
        host.post({ kind: 'progress', search, states: before + n }),
      );
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      return host.post({
        kind: 'error',
        message: `the search of ${task.row.race} on ${task.kernel} failed: ${why}`,
      });
    }
    before += cell.states;
    host.post({ kind: 'cell', search, cell });
  }
  host.post({ kind: 'done', states: before, elapsedMs: host.now() - t0 });
}
