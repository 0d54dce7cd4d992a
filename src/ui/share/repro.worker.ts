// Writes the C reproducer off the main thread: its header says what the model finds on every kernel
// variant, which means exploring the setup eight times.

import { modelVerdicts, reproPlan, reproSource } from '../../repro/index.ts';
import { workerScope } from '../worker/workerScope.ts';
import type { ReproRequest, ReproResponse } from './reproProtocol.ts';

/** States per variant: enough for the recorded races; a bigger setup's header says "undecided". */
const MAX_STATES = 100_000;

const scope = workerScope<ReproRequest, ReproResponse>();

scope.onmessage = (e) => {
  const { id, replay, link } = e.data;
  try {
    const plan = reproPlan(replay.setup);
    if (!plan) {
      scope.postMessage({
        id,
        kind: 'error',
        message: 'this setup has no collapse thread, and a reproducer races MADV_COLLAPSE against the others',
      });
      return;
    }
    const verdicts = modelVerdicts(replay.setup, plan, {
      now: () => performance.now(),
      maxStates: MAX_STATES,
    });
    scope.postMessage({
      id,
      kind: 'source',
      source: reproSource({ setup: replay.setup, plan, link, schedule: replay.choices, verdicts }),
    });
  } catch (err) {
    scope.postMessage({ id, kind: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
