// A private copy of a world for a step to mutate (worlds handed out are never changed again).

import type { Thread, World } from './types.ts';

function cloneThread(t: Thread): Thread {
  const l = t.l;
  return {
    ...t,
    l: {
      ...l,
      pagelist: [...l.pagelist],
      expected: [...l.expected],
      vec: [...l.vec],
      throughout: [...l.throughout],
    },
  };
}

export function cloneWorld(w: World): World {
  return {
    ...w,
    slots: [...w.slots],
    // Shared until touched: getFolio copies a folio the first time a step reaches it (see tx.ts).
    folios: { ...w.folios },
    locks: {
      ...w.locks,
      iMmap: { writer: w.locks.iMmap.writer, readers: [...w.locks.iMmap.readers] },
      mmap: { writer: w.locks.mmap.writer, readers: [...w.locks.mmap.readers] },
    },
    proc: { ...w.proc, ptes: [...w.proc.ptes] },
    lruBatch: [...w.lruBatch],
    uffdQueue: [...w.uffdQueue],
    threads: w.threads.map(cloneThread),
    ghost: {
      logical: [...w.ghost.logical],
      hasData: [...w.ghost.hasData],
      emptySeenRegistered: [...w.ghost.emptySeenRegistered],
    },
  };
}
