// The library of recorded races with their text, in the catalog's order (the first is the default): what
// the command line, the tests and the page's race library read. The page's first render reads only
// `catalog.ts`; it loads this module through `texts.ts`.

import { fastGup } from './fastGup.ts';
import { frozenDeadlock } from './frozenDeadlock.ts';
import { holeFilled } from './holeFilled.ts';
import { iterationBug } from './iterationBug.ts';
import { lruDrain } from './lruDrain.ts';
import { mincore } from './mincore.ts';
import type { Scenario } from './scenario.ts';
import { seekData } from './seekData.ts';
import { truncateHuge } from './truncateHuge.ts';
import { uffdHole } from './uffdHole.ts';
import { xarraySeekHole } from './xarraySeekHole.ts';
import { xarrayTruncateEof } from './xarrayTruncateEof.ts';

export type { Narration, Race, RaceSetup, RaceText, Scenario, SourceLink } from './scenario.ts';

export const SCENARIOS: readonly Scenario[] = [
  seekData,
  mincore,
  frozenDeadlock,
  uffdHole,
  lruDrain,
  fastGup,
  truncateHuge,
  holeFilled,
  iterationBug,
  xarraySeekHole,
  xarrayTruncateEof,
];

export const DEFAULT_SCENARIO: Scenario = seekData;

export function scenarioById(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}

/** The recorded race whose setup (kernel, slots, threads, as typed) is this one, if any. */
export function scenarioForSetup(setup: {
  readonly kernel: string;
  readonly slots: string;
  readonly threads: string;
}): Scenario | undefined {
  return SCENARIOS.find(
    (x) => x.kernel === setup.kernel && x.slots === setup.slots && x.threads === setup.threads,
  );
}
