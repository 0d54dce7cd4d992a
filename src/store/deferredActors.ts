// The deferred actors' programs (engine/actors/deferred.ts) and the xarray's code (engine/xarray/code.ts)
// are not in the page's main bundle: they load once, when the first setup that needs them is loaded (or
// on the page's prefetch after its first render). loadSetup waits for them itself, so no caller can
// build a world on a stub or a `|xa` world without its tree's code.

import { unloadedCode } from '../engine/core.ts';
import { SEED_SETUP } from './defaults.ts';
import { parseInput } from './parseInput.ts';
import type { SetupInput } from './types.ts';

let pending: Promise<void> | null = null;

/** Loads and registers every deferred actor and the xarray; one shared load, retried after a failure. */
export function loadDeferredActors(): Promise<void> {
  pending ??= import('../engine/actors/all.ts').then(
    () => undefined,
    (e: unknown) => {
      pending = null;
      throw e;
    },
  );
  return pending;
}

/**
 * What a setup as typed (missing fields: the seed race's, as the store fills them) needs that has not
 * loaded yet: its deferred actors, `xarray` for `|xa`. Nothing for a setup that does not parse (loadSetup
 * rejects it without building a world).
 */
export function unloadedCodeIn(input: Partial<SetupInput>): string[] {
  const parsed = parseInput({
    kernel: input.kernel ?? SEED_SETUP.kernel,
    slots: input.slots ?? SEED_SETUP.slots,
    threads: input.threads ?? SEED_SETUP.threads,
  });
  return parsed.ok ? unloadedCode(parsed.value.setup) : [];
}
