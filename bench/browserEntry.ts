// Bundled (IIFE) and loaded into a dedicated Web Worker in Chromium: the explorer's real deployment.
// Answers one message { n } with the measurement.

import { measureReference } from './referenceRun.ts';

interface WorkerScope {
  onmessage: ((event: { data: { n: number } }) => void) | null;
  postMessage(message: unknown): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (event) => {
  scope.postMessage(measureReference(event.data.n, () => performance.now()));
};
