// khugepaged's collapse_file() on shmem (spec §2), one program for every variant; flags pick the path.

import type { ActorProgram, StepDef } from '../../program.ts';
import { collapseListing, type CollapseStepId } from './sequence.ts';
import { commitSteps } from './commitSteps.ts';
import { rollbackSteps } from './rollbackStep.ts';
import { scanSteps } from './scanSteps.ts';
import { xaStoreSteps } from './xaStoreSteps.ts';

/** Every collapse step exactly once: a step id without a definition does not compile. */
const steps: Readonly<Record<CollapseStepId, StepDef<CollapseStepId>>> = {
  ...scanSteps,
  ...commitSteps,
  ...xaStoreSteps,
  ...rollbackSteps,
};

export const collapse: ActorProgram = {
  kind: 'collapse',
  roles: {
    collapser: {
      commitSteps: ['publish', 'commit'],
      succeeded: (t) => t.result === 'SCAN_SUCCEED',
      hugePage: (t) => t.l.hpage,
      heldPages: (t) => (t.l.folio === null ? t.l.pagelist : [...t.l.pagelist, t.l.folio]),
    },
  },
  param: null,
  steps,
  entry: 'alloc',
  listing: collapseListing,
};
