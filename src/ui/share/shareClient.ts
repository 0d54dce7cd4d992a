// The page's side of the share worker: one worker, started on first use, one promise per request.

import type { Replay } from '../../replay/index.ts';
import type { EncodedState } from '../../store/index.ts';
import type { ShareRequest, ShareResponse } from '../worker/shareProtocol.ts';

type Pending = (r: ShareResponse) => void;

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, Pending>();

function shareWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('../worker/share.worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (e: MessageEvent<ShareResponse>) => {
    const done = pending.get(e.data.id);
    pending.delete(e.data.id);
    done?.(e.data);
  };
  // A worker that fails to start answers every waiting request with the error.
  w.onerror = (e) => {
    for (const [id, done] of pending)
      done({ id, kind: 'error', message: e.message || 'the share worker failed' });
    pending.clear();
  };
  worker = w;
  return w;
}

type Body = ShareRequest extends infer R ? (R extends ShareRequest ? Omit<R, 'id'> : never) : never;

function ask(body: Body): Promise<ShareResponse> {
  const id = ++nextId;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    shareWorker().postMessage({ ...body, id });
  });
}

export async function encodeLink(replay: Replay): Promise<EncodedState> {
  const r = await ask({ kind: 'link', replay });
  if (r.kind === 'link') return r.result;
  return { ok: false, reason: r.kind === 'error' ? r.message : 'unexpected answer from the share worker' };
}

export async function diagramText(replay: Replay, title: string, url: string): Promise<string> {
  const r = await ask({ kind: 'diagram', replay, title, url });
  if (r.kind === 'diagram') return r.text;
  throw new Error(r.kind === 'error' ? r.message : 'unexpected answer from the share worker');
}
