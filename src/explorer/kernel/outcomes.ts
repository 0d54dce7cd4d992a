// What each thread can end with, over every interleaving a check explored.

import type { CheckResult } from './check.ts';

/** Per thread, the distinct results it ends with across all explored outcomes, sorted. */
export function reachableResults(
  r: Pick<CheckResult, 'outcomes' | 'setup'>,
): { thread: number; results: string[] }[] {
  const count = r.outcomes[0]?.results.length ?? 0;
  return Array.from({ length: count }, (_, thread) => ({
    thread,
    results: [...new Set(r.outcomes.map((o) => o.results[thread] ?? '(never finishes)'))].sort(),
  }));
}
