// "go to step" as typed: junk, a negative number or a step past the end gets a message naming it
// (typing "abc" used to be ignored without a word).

import { quoteInput } from '../engine/quote.ts';

export type StepNumber =
  { readonly ok: true; readonly step: number } | { readonly ok: false; readonly message: string };

export function parseStepNumber(text: string, steps: number): StepNumber {
  const t = text.trim();
  if (t === '') return { ok: false, message: `Type a step number from 0 to ${steps}.` };
  if (!/^\d+$/.test(t))
    return {
      ok: false,
      message: `${quoteInput(t)} is not a step number: type a whole number from 0 to ${steps}.`,
    };
  const step = Number(t);
  if (step > steps)
    return {
      ok: false,
      message: `There is no step ${t.length > 12 ? `${t.slice(0, 12)}...` : t}: this schedule has ${steps} steps (0 to ${steps}).`,
    };
  return { ok: true, step };
}
