// "Download C reproducer": the standalone program `collapse-lab repro` writes, for the setup on screen,
// made in a worker on click and saved as a .c file.

import { useState } from 'react';
import { replayOf } from '../../store/index.ts';
import { save } from '../export/download.ts';
import { useSimStore } from '../storeContext.tsx';
import type { ReproRequest, ReproResponse } from './reproProtocol.ts';

let nextId = 0;

function writeReproducer(request: ReproRequest): Promise<ReproResponse> {
  const worker = new Worker(new URL('./repro.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<ReproResponse>((resolve) => {
    worker.onmessage = (e: MessageEvent<ReproResponse>) => resolve(e.data);
    worker.onerror = (e) => resolve({ id: -1, kind: 'error', message: e.message || 'the worker failed' });
    worker.postMessage(request);
  }).finally(() => worker.terminate());
}

/** A file name from the title: letters, digits and dashes only. */
export function reproFileName(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `collapse-lab-repro-${slug || 'setup'}.c`;
}

export function ReproDownload({ link, title }: { readonly link: string; readonly title: string }) {
  const store = useSimStore();
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const download = () => {
    setState({ busy: true, error: null });
    writeReproducer({ id: ++nextId, replay: replayOf(store.getState()), link }).then((r) => {
      if (r.kind === 'source') {
        save(new Blob([r.source], { type: 'text/x-csrc' }), reproFileName(title));
        setState({ busy: false, error: null });
      } else setState({ busy: false, error: `No reproducer: ${r.message}` });
    });
  };
  return (
    <div className="button-row repro-download">
      <button type="button" data-testid="share-repro" onClick={download} disabled={state.busy}>
        {state.busy ? 'Writing the reproducer…' : 'Download C reproducer (.c)'}
      </button>
      {state.error && (
        <span className="notice" role="alert" data-testid="share-repro-error">
          {state.error}
        </span>
      )}
    </div>
  );
}
