// The races' told part (story, narration, sources), loaded lazily: the page's first render needs only
// the catalog, and the text of all races is one chunk (about 8 KiB gzip) fetched beside that render.
// The loader is shared: every caller gets the same promise, and once it has settled `loadedRaceTexts`
// answers synchronously.

import type { RaceText } from './scenario.ts';

export type RaceTexts = ReadonlyMap<string, RaceText>;

let pending: Promise<RaceTexts> | null = null;
let loaded: RaceTexts | null = null;

/** Every race's text by id. A failed load is not cached: the next call tries again. */
export function loadRaceTexts(): Promise<RaceTexts> {
  pending ??= import('./index.ts').then(
    (m) => {
      loaded = new Map(m.SCENARIOS.map((s) => [s.id, s]));
      return loaded;
    },
    (e: unknown) => {
      pending = null;
      throw e;
    },
  );
  return pending;
}

/** The texts if they have loaded, else null. */
export function loadedRaceTexts(): RaceTexts | null {
  return loaded;
}
