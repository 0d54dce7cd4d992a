// The reproducers the project ships golden sources for: every recorded race userspace can see (its
// answer to lseek or mincore is wrong; the xarray node-boundary race among them), plus a SEEK_HOLE setup
// no recorded race covers.

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

function setupOf(kernel: string, slots: string, threads: string): Setup {
  const p = parseSetup(kernel, slots, threads);
  if (!p.ok) throw new Error(`repro target ${kernel} ${slots} ${threads}: ${p.error.message}`);
  return p.value;
}

const fromScenarios: ReproTarget[] = SCENARIOS.filter(
  (s) => s.breaks !== null && USERSPACE_VISIBLE.has(s.breaks),
).map((s) => ({
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
