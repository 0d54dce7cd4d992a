// Runs the matrix's cells on worker threads (one per core the machine allows), each cell on its own
// explorer; results go back to their index, so they are the same as a sequential run's, in the same order.
// The worker is this very module: in the bundled command it is the bundle itself (bin.ts runs main only on
// the main thread), from the sources it is this file run through tsx.

import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { runCell, type MatrixCellDetail, type MatrixTask } from '../explorer/index.ts';

export type CellTask = MatrixTask;

interface Job {
  readonly i: number;
  readonly task: CellTask;
  readonly maxStates?: number;
}
type Reply =
  { readonly i: number; readonly cell: MatrixCellDetail } | { readonly i: number; readonly error: string };

const ROLE = 'collapse-lab-matrix-cell';

function cellOf(job: Job): MatrixCellDetail {
  return runCell(job.task, {
    now: () => performance.now(),
    ...(job.maxStates !== undefined && { maxStates: job.maxStates }),
  });
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === ROLE) {
  parentPort?.on('message', (job: Job) => {
    let reply: Reply;
    try {
      reply = { i: job.i, cell: cellOf(job) };
    } catch (e) {
      reply = { i: job.i, error: e instanceof Error ? e.message : String(e) };
    }
    parentPort?.postMessage(reply);
  });
}

/** How many workers: the cores the machine allows, at most one per cell. */
export const defaultJobs = () => Math.max(1, availableParallelism());

function spawn(): Worker {
  const self = new URL(import.meta.url);
  const data = { role: ROLE };
  if (!self.pathname.endsWith('.ts')) return new Worker(self, { workerData: data });
  // From the sources (tsx, vitest) the worker registers the TypeScript loader first, then loads this file.
  // tsx/esm/api resolves to its CommonJS build here; the worker needs the ES module beside it.
  const api = pathToFileURL(createRequire(self).resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs');
  const code = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(self.href)}); })`;
  return new Worker(code, { eval: true, workerData: data });
}

/**
 * Every task's cell, in task order. jobs <= 1 runs them here, one after the other; otherwise on that many
 * worker threads, each taking the next task when it finishes one. `onCell` hears each cell as it lands.
 */
export async function runCells(
  tasks: readonly CellTask[],
  o: {
    readonly jobs: number;
    readonly maxStates?: number;
    readonly onCell?: (i: number, cell: MatrixCellDetail) => void;
  },
): Promise<MatrixCellDetail[]> {
  const out: MatrixCellDetail[] = [];
  const job = (i: number): Job => ({
    i,
    task: tasks[i] as CellTask,
    ...(o.maxStates !== undefined && { maxStates: o.maxStates }),
  });
  const jobs = Math.min(o.jobs, tasks.length);
  if (jobs <= 1) {
    tasks.forEach((_, i) => {
      const cell = cellOf(job(i));
      out[i] = cell;
      o.onCell?.(i, cell);
    });
    return out;
  }
  const workers = Array.from({ length: jobs }, spawn);
  let next = 0;
  try {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const give = () => {
              if (next >= tasks.length) return resolve();
              w.postMessage(job(next++));
            };
            w.on('message', (r: Reply) => {
              if ('error' in r) return reject(new Error(r.error));
              out[r.i] = r.cell;
              o.onCell?.(r.i, r.cell);
              give();
            });
            w.on('error', reject);
            w.on('exit', (code) => {
              if (code !== 0) reject(new Error(`a matrix worker exited with status ${code}`));
            });
            give();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return out;
}
