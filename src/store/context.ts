// The caches behind one store: the replay of the loaded setup and, in compare mode, of the other
// kernel. They hold worlds, so they live beside the state, never in it.

import type { Setup, KernelId } from '../engine/core.ts';
import { createWorld } from '../engine/core.ts';
import { compareView } from './compareView.ts';
import type { SidePlan } from './divergence.ts';
import { planSide } from './divergence.ts';
import type { Replay } from './replay.ts';
import { createReplay } from './replay.ts';
import type { CompareView, LoadedSetup } from './types.ts';

interface OtherSide {
  readonly variant: KernelId;
  readonly replay: Replay;
  /** Both sides' plans for the last schedule seen (the schedule rarely changes when the cursor moves). */
  plans: { readonly choices: readonly number[]; readonly main: SidePlan; readonly other: SidePlan } | null;
  /** The main kernel's own replay for its full plan (the store's replay holds only the schedule). */
  readonly mainReplay: Replay;
}

export interface StoreContext {
  main: Replay;
  other: OtherSide | null;
}

const same = (x: readonly number[], y: readonly number[]) =>
  x.length === y.length && x.every((v, k) => v === y[k]);

/**
 * The compare view for the loaded setup: keeps the other kernel's replay and both sides' plans in the
 * context (caches), then computes the view itself purely (compareView.ts).
 */
export function compareFor(
  ctx: StoreContext,
  loaded: LoadedSetup,
  variant: KernelId | null,
  choices: readonly number[],
  cursor: number,
): CompareView | null {
  if (variant === null) {
    ctx.other = null;
    return null;
  }
  if (ctx.other?.variant !== variant)
    ctx.other = {
      variant,
      replay: replayFor(loaded.setup, variant),
      mainReplay: replayFor(loaded.setup),
      plans: null,
    };
  const o = ctx.other;
  if (!o.plans || !same(o.plans.choices, choices))
    o.plans = {
      choices: [...choices],
      main: planSide(o.mainReplay.initial, choices),
      other: planSide(o.replay.initial, choices),
    };
  return compareView({
    main: { variant: loaded.kernel, replay: o.mainReplay, plan: o.plans.main },
    other: { variant, replay: o.replay, plan: o.plans.other },
    scheduled: choices.length,
    cursor,
  });
}

export function replayFor(setup: Setup, variant: KernelId = setup.variant): Replay {
  return createReplay(createWorld({ ...setup, variant }));
}
