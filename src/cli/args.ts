// Flag parsing shared by the subcommands; every problem becomes one line naming it.

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { quoteInput } from '../engine/quote.ts';
import { parserMessage } from './escape.ts';

export class UsageError extends Error {}

export function parseFlags<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (e) {
    throw new UsageError(parserMessage(e instanceof Error ? e.message : String(e), argv));
  }
}

export function required(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new UsageError(`missing --${flag}`);
  return value;
}

/** A schedule: comma-separated thread indexes. */
export function parseSchedule(s: string | undefined): number[] {
  if (s === undefined || s.trim() === '') return [];
  return s.split(',').map((x, i) => {
    const t = x.trim();
    if (!/^\d+$/.test(t))
      throw new UsageError(`--schedule: entry ${i + 1} (${quoteInput(x)}) is not a thread index`);
    return Number(t);
  });
}
