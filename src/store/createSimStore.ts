// createSimStore(): one store per page (or per test). Slices are combined here; the replay caches live in
// the closure. Without an initial setup the store opens on the seed race with its recorded schedule.

import { devtools } from './devtools.ts';
import { createStore } from 'zustand/vanilla';
import type { StoreContext } from './context.ts';
import { replayFor } from './context.ts';
import { SEED_SCHEDULE, SEED_SETUP } from './defaults.ts';
import { parseInput } from './parseInput.ts';
import { createPlaybackSlice } from './playbackSlice.ts';
import { createPrefsSlice } from './prefsSlice.ts';
import { createSessionSlice } from './sessionSlice.ts';
import { createSimSlice } from './simSlice.ts';
import type { KernelId } from '../engine/core.ts';
import type { InputError, SetupInput, SimState } from './types.ts';

export interface SimInit extends Partial<SetupInput> {
  readonly choices?: readonly number[];
  readonly cursor?: number;
  /** A problem found before the store existed (a bad schedule in the URL), shown like a setup error. */
  readonly inputError?: InputError | null;
  /** The kernel shown beside the loaded one (from a replay link). */
  readonly compare?: KernelId | null;
  /** Why a replay link could not be read (the store then opens on the default race). */
  readonly linkError?: string | null;
}

export type SimStore = ReturnType<typeof createSimStore>;

export function createSimStore(init: SimInit = {}) {
  const seed = parseInput(SEED_SETUP);
  if (!seed.ok) throw new Error(`the seed setup is invalid: ${seed.error.message}`);
  const ctx: StoreContext = { main: replayFor(seed.value.setup), other: null };
  const store = createStore<SimState>()(
    devtools(
      (...a) => ({
        ...createSimSlice(ctx, seed.value)(...a),
        ...createPlaybackSlice(...a),
        ...createPrefsSlice(ctx)(...a),
        ...createSessionSlice(...a),
      }),
      { name: 'collapse-lab' },
    ),
  );
  const custom = init.kernel !== undefined || init.slots !== undefined || init.threads !== undefined;
  const customSetup: SetupInput = {
    kernel: init.kernel ?? SEED_SETUP.kernel,
    slots: init.slots ?? SEED_SETUP.slots,
    threads: init.threads ?? SEED_SETUP.threads,
  };
  const s = store.getState();
  // A bad custom setup still leaves a working page behind its error: the seed race, loaded first. A good
  // one is loaded alone (replaying the seed first would only cost time).
  if (!custom || !parseInput(customSetup).ok)
    s.loadSetup(SEED_SETUP.kernel, SEED_SETUP.slots, SEED_SETUP.threads, {
      choices: custom ? SEED_SCHEDULE : (init.choices ?? SEED_SCHEDULE),
      cursor: custom ? 0 : (init.cursor ?? 0),
    });
  if (custom)
    s.loadSetup(customSetup.kernel, customSetup.slots, customSetup.threads, {
      choices: init.choices ?? [],
      cursor: init.cursor ?? 0,
    });
  if (init.inputError && !store.getState().inputError)
    store.setState({ inputError: init.inputError }, false, 'sim/init/rejected');
  if (init.compare && init.compare !== store.getState().loaded.kernel)
    store.getState().setCompareVariant(init.compare);
  if (init.linkError) store.setState({ linkError: init.linkError }, false, 'session/init/linkError');
  return store;
}
