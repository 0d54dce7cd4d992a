// The one-line summary in ExploreResult.message.

import type { ExploreOptions, ExploreResult } from './types.ts';
import { groupDigits } from './format.ts';

type Summary = Omit<ExploreResult, 'message'>;

function why(result: Summary, options: Pick<ExploreOptions, 'timeLimitMs' | 'maxMemoryBytes'>): string {
  switch (result.reason) {
    case 'done':
      return 'complete';
    case 'maxStates':
      return 'not complete (state limit reached)';
    case 'timeLimit':
      return `not complete (time limit of ${groupDigits((options.timeLimitMs ?? 0) / 1000)} s reached)`;
    case 'maxMemory':
      if (result.memoryError !== undefined) return `not complete (out of memory: ${result.memoryError})`;
      return `not complete (memory limit of ${groupDigits(Math.round((options.maxMemoryBytes ?? 0) / 2 ** 20))} MB reached)`;
    case 'cancelled':
      return 'not complete (cancelled)';
    case 'violation':
      return 'not complete (stopped at the first violation)';
  }
}

export function describeResult(
  result: Summary,
  invariantNames: readonly string[],
  options: Pick<ExploreOptions, 'timeLimitMs' | 'maxMemoryBytes'>,
): string {
  const parts = [
    `explored ${groupDigits(result.states)} states, ${groupDigits(result.transitions)} transitions, ` +
      `depth ${result.depth}, ${why(result, options)}`,
  ];
  for (const v of result.violations) {
    const name = invariantNames[v.id] ?? `invariant ${v.id}`;
    parts.push(`violated "${name}" after ${v.schedule.length} steps`);
  }
  if (result.deadlocks !== undefined && result.deadlocks.count > 0) {
    parts.push(
      `${groupDigits(result.deadlocks.count)} deadlocks, first after ${result.deadlocks.schedule.length} steps`,
    );
  }
  return parts.join('; ');
}
