// Follows a schedule of choices from the initial state: how a counterexample is turned back into
// states (for display, or to check that it really reaches the violation).

import type { Model } from './model.ts';

/** The states along `schedule`, starting with the initial state. Throws if a choice is not enabled. */
export function replaySchedule(model: Model, schedule: readonly number[]): Uint32Array[] {
  const words = model.stateWords;
  const out = new Uint32Array(Math.max(1, model.maxSuccessors) * words);
  const choices = new Uint8Array(Math.max(1, model.maxSuccessors));
  let state = new Uint32Array(words);
  model.init(state);
  const states = [state];
  schedule.forEach((choice, step) => {
    const n = model.successors(state, 0, out, choices);
    const k = choices.subarray(0, n).indexOf(choice);
    if (k < 0) throw new Error(`step ${step}: choice ${choice} is not enabled`);
    state = out.slice(k * words, (k + 1) * words);
    states.push(state);
  });
  return states;
}
