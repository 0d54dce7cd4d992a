// The page opens on the seed race: on v6.3, collapse_file() stores its !uptodate huge page over slot 0
// before copying, so a racing SEEK_DATA(0) takes it for a hole and returns ENXIO over four pages of data.

import type { SetupInput, Speed } from './types.ts';

export const SEED_SETUP: SetupInput = { kernel: 'v6.3', slots: 'PPPP', threads: 'collapse,seek_data:0' };
export const SEED_SCHEDULE: readonly number[] = [0, 0, 0, 0, 0, 0, 0, 1, 1, 1];

/** Longest schedule a "run" action produces (a 512-slot collapse takes a few thousand steps). */
export const MAX_RUN_STEPS = 20_000;

export const DEFAULT_PREFS = { motion: true, speed: 1 as Speed, compareVariant: null };
