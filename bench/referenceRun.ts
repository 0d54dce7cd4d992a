// Runs the explorer on the reference model and measures it. Shared by the Node bench and the bundle
// that runs in Chromium, so both measure the same code; the clock is passed in.

import { explore } from '../src/explorer/explore.ts';
import { createReferenceModel } from '../src/explorer/referenceModel.ts';

export interface ExplorerMeasurement {
  readonly states: number;
  readonly transitions: number;
  readonly complete: boolean;
  readonly violations: number;
  readonly milliseconds: number;
  readonly bytes: number;
  readonly stateWords: number;
  readonly message: string;
}

export function measureReference(n: number, now: () => number): ExplorerMeasurement {
  const model = createReferenceModel({ n });
  const start = now();
  const result = explore(model, { now });
  return {
    states: result.states,
    transitions: result.transitions,
    complete: result.complete,
    violations: result.violations.length,
    milliseconds: now() - start,
    bytes: result.bytes,
    stateWords: model.stateWords,
    message: result.message,
  };
}
