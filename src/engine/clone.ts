// A private copy of a world for a step to mutate (worlds handed out are never changed again).
// Folios and threads are shared until a step takes one: Tx.folio / Tx.thread copy it then (tx.ts).

import type { DraftWorld } from './tx.ts';
import type { World } from './types.ts';

export function cloneWorld(w: World): DraftWorld {
  return {
    ...w,
    slots: [...w.slots],
    folios: { ...w.folios },
    locks: {
      ...w.locks,
      iMmap: { writer: w.locks.iMmap.writer, readers: [...w.locks.iMmap.readers] },
      mmap: { writer: w.locks.mmap.writer, readers: [...w.locks.mmap.readers] },
    },
    proc: { ...w.proc, ptes: [...w.proc.ptes] },
    lruBatch: [...w.lruBatch],
    uffdQueue: [...w.uffdQueue],
    threads: [...w.threads],
    ghost: {
      logical: [...w.ghost.logical],
      hasData: [...w.ghost.hasData],
      emptySeenRegistered: [...w.ghost.emptySeenRegistered],
    },
  };
}
