// The store's public face for the UI.

export { createSimStore, type SimInit, type SimStore } from './createSimStore.ts';
export { initFromQuery } from './query.ts';
// link.ts (the replay codec) is imported directly by the share worker and, only when the page is opened
// with a replay link, by main.tsx: it stays out of the main bundle.
export type { EncodedState, HashInit } from './link.ts';
export { replayOf } from './replayOf.ts';
export { breakCursor, followsRecording, selectScenario, stepStory, type StepStory } from './scenario.ts';
export { SEED_SCHEDULE, SEED_SETUP } from './defaults.ts';
export type { StepRecord } from './replay.ts';
export type { Divergence, Verdict } from './divergence.ts';
export { verdictText } from './divergence.ts';
export { expectedOnKernel } from './expected.ts';
export * from './selectors.ts';
export * from './types.ts';
