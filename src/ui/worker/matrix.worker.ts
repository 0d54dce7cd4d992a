// The fix matrix off the main thread: every search of the request in turn, with progress. The page
// cancels by terminating this worker; the memory guard is the explorer panel's (memoryBudget.ts).

import { runCell } from '../../explorer/kernel/matrix.ts';
import { SCENARIOS } from '../../scenarios/index.ts';
import type { MatrixRequest, MatrixResponse } from './matrixProtocol.ts';
import { estimatedUse, pageMemoryBudget } from './memoryBudget.ts';
import { runMatrix } from './matrixRun.ts';
import { workerScope } from './workerScope.ts';

const scope = workerScope<MatrixRequest, MatrixResponse>();
const ROWS = SCENARIOS.map((s) => ({ race: s.id, slots: s.slots, threads: s.threads }));
const now = () => performance.now();

scope.onmessage = (e) => {
  const device = (navigator as { deviceMemory?: number }).deviceMemory;
  runMatrix(e.data, ROWS, {
    post: (m) => scope.postMessage(m),
    now,
    search: (task, maxStates, onStates) => {
      let states = 0;
      return runCell(task, {
        now,
        maxStates,
        progressMs: 250,
        onProgress: (p) => {
          states = p.states;
          onStates(p.states);
        },
        // The heap is not asked: it still holds the searches before this one until they are collected.
        memoryUsed: () => estimatedUse(states, undefined),
        maxMemoryBytes: pageMemoryBudget(device),
      });
    },
  });
};
