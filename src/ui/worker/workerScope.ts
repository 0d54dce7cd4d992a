// The app's tsconfig has DOM types, not WebWorker ones: this is the little of a dedicated worker's global
// scope the workers use, typed by their own message protocols.

export interface WorkerScope<In, Out> {
  onmessage: ((e: MessageEvent<In>) => void) | null;
  postMessage(message: Out): void;
}

export function workerScope<In, Out>(): WorkerScope<In, Out> {
  return self as unknown as WorkerScope<In, Out>;
}
