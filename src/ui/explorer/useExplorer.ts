// Runs the explorer worker for the panel: one worker per run (a fresh heap each time, and a run left
// behind by an unmount is simply terminated), progress and the verdicts as React state.

import { useCallback, useEffect, useRef, useState } from 'react';
import type { Progress } from '../../explorer/index.ts';
import type { LoadedSetup } from '../../store/index.ts';
import type { CheckSummary, ExploreRequest, ExploreResponse } from '../worker/exploreProtocol.ts';

export type ExplorerRun =
  | { readonly t: 'idle' }
  | {
      readonly t: 'running';
      readonly setup: LoadedSetup;
      readonly maxStates: number;
      readonly progress: Progress | null;
      readonly cancelling: boolean;
    }
  | {
      readonly t: 'done';
      readonly setup: LoadedSetup;
      readonly maxStates: number;
      readonly summary: CheckSummary;
    }
  | { readonly t: 'error'; readonly message: string };

export function useExplorer() {
  const [run, setRun] = useState<ExplorerRun>({ t: 'idle' });
  const worker = useRef<Worker | null>(null);

  const stopWorker = () => {
    worker.current?.terminate();
    worker.current = null;
  };
  useEffect(() => stopWorker, []);

  const start = useCallback((setup: LoadedSetup, maxStates: number) => {
    stopWorker();
    const w = new Worker(new URL('../worker/explore.worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    setRun({ t: 'running', setup, maxStates, progress: null, cancelling: false });
    w.onmessage = (e: MessageEvent<ExploreResponse>) => {
      const m = e.data;
      if (m.kind === 'progress') setRun((r) => (r.t === 'running' ? { ...r, progress: m.progress } : r));
      else if (m.kind === 'done') {
        setRun({ t: 'done', setup, maxStates, summary: m.summary });
        stopWorker();
      } else {
        setRun({ t: 'error', message: m.message });
        stopWorker();
      }
    };
    w.onerror = (e) => {
      setRun({ t: 'error', message: e.message || 'the explorer worker failed to start' });
      stopWorker();
    };
    const req: ExploreRequest = { kind: 'start', setup: setup.setup, maxStates };
    w.postMessage(req);
  }, []);

  const cancel = useCallback(() => {
    const req: ExploreRequest = { kind: 'cancel' };
    worker.current?.postMessage(req);
    setRun((r) => (r.t === 'running' ? { ...r, cancelling: true } : r));
  }, []);

  return { run, start, cancel };
}
