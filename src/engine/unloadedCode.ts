// What of a setup's code the page has not loaded yet (the page's first render carries the engine without
// it: actors/deferred.ts, xarray/code.ts). Empty wherever the engine is imported through index.ts.

import { unloadedActors } from './actors/index.ts';
import type { Setup } from './setup.ts';
import { xarrayLoaded } from './xarray/code.ts';

/** The deferred actors the setup names, and `xarray` for a `|xa` setup, while their code is missing. */
export function unloadedCode(setup: Pick<Setup, 'slots' | 'threads'>): string[] {
  const actors: string[] = unloadedActors(setup.threads);
  return setup.slots.xa !== undefined && !xarrayLoaded() ? [...actors, 'xarray'] : actors;
}
