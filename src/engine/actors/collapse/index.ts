// collapse_file() on shmem (spec §2), one program for every variant; flags pick the path. Two callers
// share it (model 2 adds their way in): `collapse` is MADV_COLLAPSE, `khugepaged` the daemon. The steps
// only a `|xa` world runs are tree.ts's, registered with the rest of the tree's code (actors/all.ts).

import type { ActorProgram, StepDef } from '../../program.ts';
import type { CollapseLocals } from './helpers.ts';
import { collapseListing, type CollapseStepId, type CollapseTreeStepId } from './sequence.ts';
import { commitSteps } from './commitSteps.ts';
import { entrySteps } from './entrySteps.ts';
import { rollbackSteps } from './rollbackStep.ts';
import { rollbackSteps2 } from './rollbackSteps2.ts';
import { scanSteps } from './scanSteps.ts';

/** Model 2 enters through lru_add_drain_all and the hpage_collapse_scan_file pre-check. */
const entryOn = (model: number): CollapseStepId => (model >= 2 ? 'drain_all' : 'alloc');

/** Every collapse step but the tree's exactly once: a step id without a definition does not compile. */
const steps: Readonly<
  Record<Exclude<CollapseStepId, CollapseTreeStepId>, StepDef<CollapseStepId, CollapseLocals>>
> = {
  ...entrySteps,
  ...scanSteps,
  ...commitSteps,
  ...rollbackSteps,
  ...rollbackSteps2,
};

export const collapse: ActorProgram<CollapseLocals> = {
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
  cursor: { at: 'scan', verb: 'scans' },
  steps,
  entry: 'alloc',
  entryOn,
  listing: collapseListing,
};

/** khugepaged: the same collapse_file, entered with the daemon's limits; its retract only removes the
 * page table (the next fault maps the huge page). */
export const khugepaged: ActorProgram<CollapseLocals> = { ...collapse, kind: 'khugepaged' };
