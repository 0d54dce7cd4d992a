// The check's memory guard on the command line: the process's resident set is what the explorer reads
// (typed arrays live outside the JS heap, the queued worlds inside it), and the default limit keeps both
// the machine and V8's heap out of danger: half the RAM, and never past the heap limit (the heap is part
// of the resident set, so staying under the limit in RSS keeps the heap under it too).

import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { quoteInput } from '../engine/quote.ts';
import { UsageError } from './args.ts';

export const memoryUsed = (): number => process.memoryUsage.rss();

/** Clock milliseconds between fresh readings of the resident set while far from the limit. */
export const RSS_EVERY_MS = 25;
/** From this fraction of the limit on, every poll reads the resident set afresh. */
export const RSS_NEAR = 0.9;

/**
 * The resident set as the search's polls see it: reading it is a system call that cost 5% of a
 * 512-slot check when every poll (each ~2 ms of work) made one, so it is read afresh only every
 * RSS_EVERY_MS of the clock, and at every poll once a reading came within RSS_NEAR of the limit.
 */
export function pollingMemory(
  limit: number,
  now: () => number = () => performance.now(),
  read: () => number = memoryUsed,
): () => number {
  let readAt = -Infinity;
  let last = 0;
  return () => {
    const t = now();
    if (t - readAt >= RSS_EVERY_MS || last >= limit * RSS_NEAR) {
      last = read();
      readAt = t;
    }
    return last;
  };
}

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
