// The check's memory guard on the command line: the process's resident set is what the explorer reads
// (typed arrays live outside the JS heap, the queued worlds inside it), and the default limit keeps both
// the machine and V8's heap out of danger: half the RAM, and never past the heap limit (the heap is part
// of the resident set, so staying under the limit in RSS keeps the heap under it too).

import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { quoteInput } from '../engine/quote.ts';
import { UsageError } from './args.ts';

export const memoryUsed = (): number => process.memoryUsage.rss();

export function defaultMaxMemory(): number {
  return Math.floor(Math.min(totalmem() / 2, getHeapStatistics().heap_size_limit));
}

const UNITS: Readonly<Record<string, number>> = { '': 2 ** 20, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30 };

/** `--max-memory`: a size such as 512M, 2G or 1500 (megabytes). */
export function parseMemory(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)i?b?$/i.exec(s.trim());
  const value = m ? Number(m[1]) * (UNITS[(m[2] ?? '').toLowerCase()] ?? 0) : NaN;
  if (!m || !(value >= 2 ** 20))
    throw new UsageError(
      `--max-memory must be a size of at least 1M, such as 512M or 2G, not ${quoteInput(s)}`,
    );
  return Math.floor(value);
}

export const megabytes = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;
