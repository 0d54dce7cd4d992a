// Runs the matrix worker for the panel: one worker per run, terminated on cancel (that is the stop: a
// search never has to poll for it), on the run's end, and on unmount.

import { useCallback, useEffect, useRef, useState } from 'react';
import type { MatrixRequest, MatrixResponse } from '../worker/matrixProtocol.ts';
import { cancelled, failed, IDLE, onResponse, started, type MatrixRunState } from './matrixState.ts';

export function useMatrix() {
  const [run, setRun] = useState<MatrixRunState>(IDLE);
  const worker = useRef<Worker | null>(null);

  const stopWorker = () => {
    worker.current?.terminate();
    worker.current = null;
  };
  useEffect(() => stopWorker, []);

  const start = useCallback((req: MatrixRequest) => {
    stopWorker();
    const w = new Worker(new URL('../worker/matrix.worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    setRun(started());
    w.onmessage = (e: MessageEvent<MatrixResponse>) => {
      const m = e.data;
      setRun((s) => onResponse(s, m));
      if (m.kind === 'done' || m.kind === 'error') stopWorker();
    };
    w.onerror = (e) => {
      setRun((s) => failed(s, e.message || 'the matrix worker failed to start'));
      stopWorker();
    };
    w.postMessage(req);
  }, []);

  const cancel = useCallback(() => {
    stopWorker();
    setRun(cancelled);
  }, []);

  return { run, start, cancel };
}
