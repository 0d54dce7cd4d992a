// The store's public face for the UI.

export { createSimStore, type SimInit, type SimStore } from './createSimStore.ts';
export { initFromQuery } from './query.ts';
export { SEED_SCHEDULE, SEED_SETUP } from './defaults.ts';
export type { StepRec } from './replay.ts';
export type { Divergence } from './divergence.ts';
export * from './selectors.ts';
export * from './types.ts';
