// One benchmark row and how it prints. Kernel-model benchmarks reuse these.

import { groupDigits } from '../src/explorer/format.ts';

export interface BenchRow {
  readonly engine: string;
  readonly states: number;
  readonly transitions: number;
  readonly seconds: number;
  readonly bytesPerState: number;
  readonly complete: boolean;
}

export function statesPerSecond(row: BenchRow): number {
  return row.seconds > 0 ? row.states / row.seconds : 0;
}

export function formatRow(row: BenchRow, baseline: BenchRow | undefined): string {
  const rate = statesPerSecond(row);
  const ratio = baseline === undefined ? '' : `  ${(rate / statesPerSecond(baseline)).toFixed(2)}x SPIN`;
  return (
    `${row.engine.padEnd(24)} ${groupDigits(row.states).padStart(11)} states ` +
    `${groupDigits(row.transitions).padStart(11)} transitions ${row.seconds.toFixed(2).padStart(6)} s ` +
    `${groupDigits(rate).padStart(9)} states/s ${row.bytesPerState.toFixed(1).padStart(6)} B/state` +
    `${row.complete ? '' : '  INCOMPLETE'}${ratio}`
  );
}
