// Checks every interleaving of a setup off the main thread, reporting progress, and stops early on a
// 'cancel' message (received between slices of the search).

import type { ExploreRequest, ExploreResponse } from './exploreProtocol.ts';
import { estimatedUse, pageMemoryBudget } from './memoryBudget.ts';
import { checkInSlices } from './slicedCheck.ts';
import { workerScope } from './workerScope.ts';

const scope = workerScope<ExploreRequest, ExploreResponse>();
let cancelled = false;

// A macrotask, so queued messages (a cancel) are handled before the next slice.
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

scope.onmessage = (e) => {
  const req = e.data;
  if (req.kind === 'cancel') {
    cancelled = true;
    return;
  }
  cancelled = false;
  let states = 0;
  const device = (navigator as { deviceMemory?: number }).deviceMemory;
  const heap = () => (performance as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize;
  checkInSlices(req.setup, {
    maxStates: req.maxStates,
    now: () => performance.now(),
    pause,
    cancelled: () => cancelled,
    onProgress: (progress) => {
      states = progress.states;
      scope.postMessage({ kind: 'progress', progress });
    },
    memoryUsed: () => estimatedUse(states, heap()),
    maxMemoryBytes: pageMemoryBudget(device),
  }).then(
    (summary) => scope.postMessage({ kind: 'done', summary }),
    (err: unknown) =>
      scope.postMessage({ kind: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
};
