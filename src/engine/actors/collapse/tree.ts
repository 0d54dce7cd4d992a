// collapse and khugepaged with the steps only a `|xa` world runs (model 3's pre-check walk, the
// slot-by-slot final store): all.ts registers these in place of index.ts's programs.

import type { ActorProgram, StepDef } from '../../program.ts';
import { entryTreeSteps } from './entryTreeSteps.ts';
import type { CollapseLocals } from './helpers.ts';
import { collapse, khugepaged } from './index.ts';
import type { CollapseTreeStepId } from './sequence.ts';
import { xaStoreSteps } from './xaStoreSteps.ts';

/** Every tree step exactly once: with index.ts's, every collapse step (sequence.test.ts). */
const treeSteps: Readonly<Record<CollapseTreeStepId, StepDef<string, CollapseLocals>>> = {
  ...entryTreeSteps,
  ...xaStoreSteps,
};

const onTree = (program: ActorProgram<CollapseLocals>): ActorProgram<CollapseLocals> => ({
  ...program,
  steps: { ...program.steps, ...treeSteps },
});

export const collapseOnTree = onTree(collapse);
export const khugepagedOnTree = onTree(khugepaged);
