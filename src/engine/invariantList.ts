// The invariants' stable ids, with the spec's numbering and a one-line statement for people.

import type { InvariantId } from './types.ts';

export const INVARIANTS: Readonly<Record<InvariantId, { readonly spec: string; readonly title: string }>> = {
  seek: { spec: 'I1', title: 'SEEK_DATA / SEEK_HOLE never skip data that was there for the whole call' },
  mincore: { spec: 'I2', title: 'mincore reports resident every page whose data stayed in memory' },
  data: { spec: 'I3', title: 'no data is lost or misplaced' },
  progress: { spec: 'I4', title: 'no deadlock, livelock or endless spin' },
  refcount: { spec: 'I5', title: 'refcounts equal their holders; frozen pages are never handed out' },
  locking: { spec: 'I6', title: 'one owner per lock; no sleeping under a spinlock' },
  uptodate: { spec: 'I7', title: 'a !uptodate page in the cache means a fallocated or instantiating page' },
  'atomic-switch': { spec: 'I8', title: 'the range switches from old pages to the huge page at once' },
  uffd: { spec: 'I9', title: 'a userfaultfd MISSING hole is never filled behind the monitor' },
  accounting: { spec: 'I10', title: 'nrpages, retry entries and references add up at rest' },
  mapping: { spec: 'I11', title: 'after a collapse no PTE maps an old page' },
  gup: { spec: 'I12', title: 'GUP never keeps an old page a collapse replaced' },
  'beyond-eof': { spec: 'I13', title: 'data beyond i_size is gone once truncate returns' },
};
