// The engine's public face: setup, step, run, and what the page and the explorer need to describe them,
// without the deferred actors' programs (actors/deferred.ts). The page's first render imports this;
// everything else imports index.ts, which is this with every actor registered.

export * from './types.ts';
export * from './variants.ts';
export { ACTORS, isActorKind, unloadedActors } from './actors/index.ts';
export { unloadedCode } from './unloadedCode.ts';
export { MODEL_VERSION, modelOf, onModel } from './modelVersion.ts';
export type { ActorProgram, ActorRoles, StepDef } from './program.ts';
export { isDaemon, rolesOf, userActors } from './roles.ts';
export { collapseHugePages, folioOfView, type CollapseHugePage } from './hugePages.ts';
export { stepLabel } from './program.ts';
// The source links (sourceLinks.ts: resolveSource, stepSource) are imported from their module, not from
// here: their line tables then load only with what shows links, never with the page's first render.
export * from './setup.ts';
export { step, type StepError, type StepResult } from './step.ts';
export {
  roundRobinNext,
  runSchedule,
  stepRecord,
  violationKey,
  type RunResult,
  type StepRecord,
} from './run.ts';
export {
  threadStatus,
  runnableThreads,
  describeBlock,
  isQuiescent,
  waitsFor,
  stepOf,
  type ThreadStatus,
} from './status.ts';
export { fileValue, residentSlots } from './invariants/observers.ts';
export { INVARIANTS } from './invariantList.ts';
export { describeEvent, describeEvents } from './describe.ts';
export * from './cursors.ts';
export type { XaEntry, XaNode, XaTree, XasPos } from './xarray/types.ts';
export {
  conflictOf,
  formatKernel,
  isKernelId,
  kernelFrom,
  kernelOf,
  parseKernel,
  type Kernel,
  type KernelParsed,
} from './kernelSpec.ts';
export { flagsOf } from './kernelFlags.ts';
export {
  SWITCHES,
  SWITCH_NAMES,
  switchNamed,
  valueOf,
  type SwitchDef,
  type SwitchValue,
} from './switches.ts';
