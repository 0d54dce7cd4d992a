// Encodes replay links and draws race diagrams off the main thread: both replay the whole schedule
// through the engine, which takes most of a second for a few thousand steps on 512 slots.

import { raceDiagram } from '../../replay/index.ts';
import { encodeSession } from '../../store/link.ts';
import type { ShareRequest, ShareResponse } from './shareProtocol.ts';
import { workerScope } from './workerScope.ts';

const scope = workerScope<ShareRequest, ShareResponse>();

scope.onmessage = (e) => {
  const req = e.data;
  try {
    if (req.kind === 'link')
      scope.postMessage({ id: req.id, kind: 'link', result: encodeSession(req.replay) });
    else
      scope.postMessage({
        id: req.id,
        kind: 'diagram',
        text: raceDiagram(req.replay.setup, req.replay.choices, { title: req.title, url: req.url }),
      });
  } catch (err) {
    scope.postMessage({
      id: req.id,
      kind: 'error',
      message: err instanceof Error ? err.message : String(err),
    });
  }
};
