// Public surface of the explorer. Host-neutral: no Node, DOM or timer APIs anywhere in src/explorer.

export type { Model } from './model.ts';
export type { Deadlocks, ExploreOptions, ExploreResult, Progress, StopReason, Violation } from './types.ts';
export { Explorer, DEFAULT_MAX_STATES } from './explorer.ts';
export { explore, exploreAsync, type AsyncExploreOptions } from './explore.ts';
export { StateStore, NO_PARENT, PRESENT, FULL, MAX_STATES, type StoreOptions } from './stateStore.ts';
export { hashWords } from './hash.ts';
export { layoutFields, bitsFor, type BitField, type BitLayout } from './bitLayout.ts';
export { replaySchedule } from './replay.ts';
export { groupDigits } from './format.ts';
export {
  checkSetup,
  checkSetupAsync,
  startCheck,
  type RunningCheck,
  replayViolation,
  reachableResults,
  type CheckOptions,
  type CheckResult,
  type InvariantVerdict,
} from './kernel/check.ts';
export {
  compareVariants,
  replayOn,
  type CompareResult,
  type InvariantDiff,
  type Divergence,
} from './kernel/compare.ts';
export {
  cellJson,
  cellVerdict,
  matrixColumns,
  planMatrix,
  runCell,
  runCellAsync,
  type CellVerdict,
  type MatrixCell,
  type MatrixCellDetail,
  type MatrixColumn,
  type MatrixRow,
  type MatrixTask,
  type RefusedFlip,
} from './kernel/matrix.ts';
export { createKernelModel, INVARIANT_ORDER, type KernelModel } from './kernel/kernelModel.ts';
