// Validates the setup strings with the engine's own parsers, field by field, so an error can point at
// the field and the character that broke it. Nothing from the input is ever executed.

import { parseSlots, parseThreads, parseVariant } from '../engine/core.ts';
import type { InputError, LoadedSetup, SetupInput } from './types.ts';
import { quoteInput } from '../engine/quote.ts';

export type ParsedInput =
  { readonly ok: true; readonly value: LoadedSetup } | { readonly ok: false; readonly error: InputError };

export function parseInput(input: SetupInput): ParsedInput {
  const fail = (field: InputError['field'], e: { message: string; position: number | null }, s: string) =>
    ({ ok: false, error: { field, message: e.message, position: e.position, input: s } }) as const;
  const v = parseVariant(input.kernel);
  if (!v.ok) return fail('kernel', v.error, input.kernel);
  const s = parseSlots(input.slots);
  if (!s.ok) return fail('slots', s.error, input.slots);
  const t = parseThreads(input.threads, s.value.slots.length);
  if (!t.ok) return fail('threads', t.error, input.threads);
  return {
    ok: true,
    value: {
      kernel: v.value,
      slots: input.slots,
      threads: input.threads,
      setup: { variant: v.value, slots: s.value, threads: t.value },
    },
  };
}

const MAX_SCHEDULE = 100_000;

/** A schedule as comma-separated thread numbers ("0,0,1"); the empty string is an empty schedule. */
export function parseSchedule(
  s: string,
): { readonly ok: true; readonly value: number[] } | { readonly ok: false; readonly error: InputError } {
  if (s.trim() === '') return { ok: true, value: [] };
  const out: number[] = [];
  let at = 0;
  for (const part of s.split(',')) {
    if (!/^\d$/.test(part.trim()) || out.length >= MAX_SCHEDULE)
      return {
        ok: false,
        error: {
          field: 'schedule',
          message: `schedule: expected a thread number 0-9 at column ${at + 1}, got ${quoteInput(part)}`,
          position: at,
          input: s,
        },
      };
    out.push(Number(part.trim()));
    at += part.length + 1;
  }
  return { ok: true, value: out };
}
