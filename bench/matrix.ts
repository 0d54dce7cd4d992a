// The fix matrix (collapse-lab matrix) in Node: every recorded race on every matrix kernel, once on one
// thread and once on the worker threads the machine allows; the same cells both times. Then the same
// matrix in the page (bench/ui/matrixPage.ts), its verdicts checked against Node's.
// Run alone: node --import tsx bench/matrix.ts

import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { computeMatrix, matrixJson } from '../src/cli/matrixCommand.ts';
import { benchMatrixPage } from './ui/matrixPage.ts';

export async function benchMatrix(
  log: (line: string) => void = console.log,
  options: { readonly browser?: boolean } = {},
): Promise<void> {
  const jobs = Math.max(2, availableParallelism());
  log(`fix matrix: ${availableParallelism()} cores reported`);
  const one = await computeMatrix({ jobs: 1 });
  const many = await computeMatrix({ jobs });
  const same = JSON.stringify(matrixJson(one)) === JSON.stringify(matrixJson(many));
  const line = (m: typeof one) =>
    `  ${m.rows.length} races x ${m.columns.length} kernels, ${m.searches} searches, ${m.states.toLocaleString('en-US')} states: ${(m.elapsedMs / 1000).toFixed(1)} s on ${m.jobs} worker${m.jobs === 1 ? '' : 's'}`;
  log(line(one));
  log(line(many));
  log(`  cells ${same ? 'identical' : 'DIFFER'} between the runs`);
  if (!same) process.exitCode = 1;
  if (options.browser !== false) await benchMatrixPage(log, one);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchMatrix();
}
