// A private copy of a world for a step to mutate (worlds handed out are never changed again).
// Folios and threads are shared until a step takes one: Tx.folio / Tx.thread copy it then (tx.ts); the
// folio map and the arrays of N entries (slots, PTEs, ghost values) until the step first writes them.

import type { DraftWorld } from './tx.ts';
import type { World } from './types.ts';

export function cloneWorld(w: World): DraftWorld {
  return {
    ...w,
    slots: w.slots,
    folios: w.folios,
    locks: {
      ...w.locks,
      iMmap: { writer: w.locks.iMmap.writer, readers: [...w.locks.iMmap.readers] },
      mmap: { writer: w.locks.mmap.writer, readers: [...w.locks.mmap.readers] },
    },
    proc: { ...w.proc },
    lruBatch: [...w.lruBatch],
    uffdQueue: [...w.uffdQueue],
    threads: [...w.threads],
    ghost: { ...w.ghost },
  };
}
