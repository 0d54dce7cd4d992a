// Checks every interleaving of a setup off the main thread, reporting progress, and stops early on a
// 'cancel' message (received between slices of the search).

import type { ExploreRequest, ExploreResponse } from './exploreProtocol.ts';
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
  checkInSlices(req.setup, {
    maxStates: req.maxStates,
    now: () => performance.now(),
    pause,
    cancelled: () => cancelled,
    onProgress: (progress) => scope.postMessage({ kind: 'progress', progress }),
  }).then(
    (summary) => scope.postMessage({ kind: 'done', summary }),
    (err: unknown) =>
      scope.postMessage({ kind: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
};
