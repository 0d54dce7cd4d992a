// The page opens on the default recorded race (the seed race): on v6.3, collapse_file() stores its
// !uptodate huge page over slot 0 before copying, so a racing SEEK_DATA(0) takes it for a hole and returns
// ENXIO over four pages of data. Its full recorded schedule is loaded, ready to play from step 0.

import { DEFAULT_RACE } from '../scenarios/catalog.ts';
import type { SetupInput, Speed } from './types.ts';

export const SEED_SETUP: SetupInput = {
  kernel: DEFAULT_RACE.kernel,
  slots: DEFAULT_RACE.slots,
  threads: DEFAULT_RACE.threads,
};
export const SEED_SCHEDULE: readonly number[] = DEFAULT_RACE.schedule;

/** Longest schedule a "run" action produces (a 512-slot collapse takes a few thousand steps). */
export const MAX_RUN_STEPS = 20_000;

export const DEFAULT_PREFS = { motion: true, speed: 1 as Speed, compareVariant: null };
