// What the matrix says about a column and a cell in words: a column header's title (its kernel, the
// commit it is about, what the switch changes) and the link that opens a broken cell's counterexample.

import { switchNamed, VARIANTS, type VariantId } from '../../engine/index.ts';
import type { MatrixColumn, MatrixRow } from '../../explorer/kernel/matrixPlan.ts';

/** The column's header line under the kernel: the commit's short id, or the variant's title. */
export function columnCommit(c: MatrixColumn): string {
  return c.commit ? c.commit.id : VARIANTS[c.base as VariantId].title;
}

/** The full description: kernel, commit, and for a flip what the switch's code change is. */
export function columnTitle(c: MatrixColumn): string {
  const commit = c.commit ? `${c.commit.id} "${c.commit.title}"` : 'no commit of the series';
  const title = `${c.kernel}: ${VARIANTS[c.base as VariantId].title}`;
  if (!c.flip) return c.commit ? `${title}; last commit ${commit}` : title;
  const def = switchNamed(c.flip.name);
  return `${c.kernel}: ${c.base} with ${c.flip.name}=${c.flip.value}; ${commit}${def ? `; ${def.description}` : ''}`;
}

/** A query link that opens the setup on the kernel with the schedule played to its end. */
export function counterexampleHref(row: MatrixRow, kernel: string, schedule: readonly number[]): string {
  const q = new URLSearchParams({
    kernel,
    slots: row.slots,
    threads: row.threads,
    schedule: schedule.join(','),
    step: String(schedule.length),
  });
  return `?${q.toString()}`;
}
