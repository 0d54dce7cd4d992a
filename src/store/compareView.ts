// Runs the other kernel on the same choices and finds where it parts from the loaded one.

import type { VariantId } from '../engine/index.ts';
import type { StoreContext } from './context.ts';
import { replayFor } from './context.ts';
import { firstDivergence } from './divergence.ts';
import type { StepRec } from './replay.ts';
import type { CompareView, LoadedSetup } from './types.ts';

export function compareView(
  ctx: StoreContext,
  loaded: LoadedSetup,
  variant: VariantId | null,
  choices: readonly number[],
  records: readonly StepRec[],
  cursor: number,
): CompareView | null {
  if (variant === null) {
    ctx.other = null;
    return null;
  }
  if (ctx.other?.variant !== variant) ctx.other = { variant, replay: replayFor(loaded.setup, variant) };
  const replay = ctx.other.replay;
  const run = replay.sync(choices.slice(0, records.length));
  const at = Math.min(cursor, run.records.length);
  return {
    variant,
    records: run.records,
    error: run.error,
    divergence: firstDivergence(records, run, { a: loaded.kernel, b: variant }),
    world: replay.worldAt(at),
    at,
  };
}
