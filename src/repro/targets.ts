// The reproducers the project ships golden sources for: every recorded race userspace can see (its
// answer to lseek or mincore is wrong, the xarray node-boundary race among them, or a truncate loses
// data below the new end of file), plus a SEEK_HOLE setup no recorded race covers.

import type { Setup } from '../engine/index.ts';
import { parseSetup } from '../engine/index.ts';
import { MODEL_VERSION } from '../engine/modelVersion.ts';
import type { Replay } from '../replay/index.ts';
import { SCENARIOS } from '../scenarios/index.ts';

export interface ReproTarget {
  readonly id: string;
  readonly title: string;
  readonly replay: Replay;
}

/** Invariants whose violation is a wrong answer to a userspace call. */
const USERSPACE_VISIBLE = new Set(['seek', 'mincore']);

/**
 * A race userspace can see: a wrong lseek or mincore answer, or data lost to a truncate the program
 * recreates (read() of a page below the new end of file returns zeros). Data lost to an actor it cannot
 * recreate (a pin, an lru batch) stays in the model.
 */
function userspaceVisible(s: (typeof SCENARIOS)[number]): boolean {
  if (s.breaks === null) return false;
  if (USERSPACE_VISIBLE.has(s.breaks)) return true;
  return s.breaks === 'data' && /(^|,)truncate:/.test(s.threads);
}

function setupOf(kernel: string, slots: string, threads: string): Setup {
  const p = parseSetup(kernel, slots, threads);
  if (!p.ok) throw new Error(`repro target ${kernel} ${slots} ${threads}: ${p.error.message}`);
  return p.value;
}

const fromScenarios: ReproTarget[] = SCENARIOS.filter(userspaceVisible).map((s) => ({
  id: s.id,
  title: s.title,
  replay: {
    model: MODEL_VERSION,
    setup: setupOf(s.kernel, s.slots, s.threads),
    choices: s.schedule,
    cursor: s.schedule.length,
    compare: s.compare[0] ?? null,
  },
}));

const bare = (id: string, title: string, kernel: string, slots: string, threads: string): ReproTarget => ({
  id,
  title,
  replay: {
    model: MODEL_VERSION,
    setup: setupOf(kernel, slots, threads),
    choices: [],
    cursor: 0,
    compare: null,
  },
});

export const REPRO_TARGETS: readonly ReproTarget[] = [
  ...fromScenarios,
  bare(
    'seek-hole',
    'SEEK_HOLE reports a hole over data during a collapse',
    'v6.3',
    'PPPP',
    'collapse,seek_hole:0',
  ),
];
