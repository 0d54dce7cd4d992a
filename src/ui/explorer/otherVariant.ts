// The kernel to replay a counterexample on: the recorded race's first compared kernel when the checked
// setup is a recorded race, else the other side of the series (v6.4 from anything else, v6.3 from v6.4):
// the kernel that fixes it, or the one it regressed from.

import type { KernelId } from '../../engine/core.ts';
import { raceForSetup } from '../../scenarios/catalog.ts';
import type { LoadedSetup } from '../../store/index.ts';

export function otherVariant(setup: LoadedSetup): KernelId {
  const race = raceForSetup(setup);
  const recorded = race?.compare.find((v) => v !== setup.kernel);
  if (recorded) return recorded;
  return setup.kernel === 'v6.4' ? 'v6.3' : 'v6.4';
}
