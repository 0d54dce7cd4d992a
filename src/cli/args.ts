// Flag parsing shared by the subcommands; every problem becomes one line naming it.

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { quoteInput } from '../engine/quote.ts';
import { parserMessage } from './escape.ts';
import { closest } from '../engine/suggest.ts';

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

type Options = NonNullable<ParseArgsConfig['options']>;

/** Unknown `--flags` named with the closest known one, before node's parser says less. */
function checkFlagNames(argv: readonly string[], options: Options): void {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') return;
    if (!arg.startsWith('--')) continue;
    const name = arg.slice(2).split('=')[0] ?? '';
    const option = options[name];
    if (option === undefined) {
      const known = Object.keys(options).map((k) => `--${k}`);
      const near = closest(`--${name}`, known);
      throw new UsageError(
        `unknown flag ${quoteInput(`--${name}`)}${near === null ? '' : ` (did you mean ${near}?)`}`,
      );
    }
    if (option.type === 'string' && !arg.includes('=')) i++;
  }
}

/**
 * Flags plus at most one positional argument (a replay link): `run LINK`, `check LINK`, `repro LINK`.
 */
export function parseCommandLine<T extends Options>(argv: string[], options: T, positionalName: string) {
  checkFlagNames(argv, options);
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: true });
  } catch (e) {
    throw new UsageError(parserMessage(e instanceof Error ? e.message : String(e), argv));
  }
  if (parsed.positionals.length > 1)
    throw new UsageError(`takes one ${positionalName}, not ${parsed.positionals.length} arguments`);
  return { values: parsed.values, positional: parsed.positionals[0] };
}

/** A --flag's positive whole number, or undefined when the flag is absent. */
export function positiveInt(s: string | undefined, flag: string): number | undefined {
  if (s === undefined) return undefined;
  if (!/^\d+$/.test(s) || Number(s) <= 0)
    throw new UsageError(`--${flag} must be a positive whole number, not ${quoteInput(s)}`);
  return Number(s);
}
