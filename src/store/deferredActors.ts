// The deferred actors' programs (engine/actors/deferred.ts) are not in the page's main bundle: they load
// once, when the first setup that names one of them is loaded (or on the page's prefetch after its first
// render). loadSetup waits for them itself, so no caller can build a world on a stub.

import { isActorKind, unloadedActors } from '../engine/core.ts';

let pending: Promise<void> | null = null;

/** Loads and registers every deferred actor; one shared load, retried after a failure. */
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

/** The actors named in a threads string (as typed) whose code has not loaded yet. */
export function unloadedActorsIn(threads: string): string[] {
  const kinds = threads
    .split(',')
    .map((t) => t.split(':')[0]?.trim() ?? '')
    .filter(isActorKind);
  return unloadedActors(kinds.map((actor) => ({ actor })));
}
