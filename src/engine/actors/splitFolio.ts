// split_folio as truncate_inode_partial_folio calls it on a large folio that straddles the cut (model 3;
// mm/truncate.c 249-256 and mm/huge_memory.c can_split_folio 3392, __split_huge_page 3303-3307, 6.12.117;
// the same in 6.3.8 and v6.4): the split refuses while anyone but the page cache, the page tables and the
// caller holds a reference; otherwise the folio is unmapped (a file folio is not mapped again), and under
// xa_lock it becomes small pages, those at or past i_size leaving the cache at once. The model's folios
// keep their kind for life, so the head page is a new small folio that takes over the caller's lock and
// reference; the huge folio is then gone.

import { acquire, release } from '../locks.ts';
import { unmapFolio } from '../pageTable.ts';
import type { DraftFolio, DraftThread, Tx } from '../tx.ts';
import type { PunchLocals } from './undoRange.ts';
import { zeroCovered, zeroRange } from './undoRange.ts';
import { allocFolio, getRef, putRef, setNrpages, setSlot, unlockPage, lockPage } from '../tx.ts';
import type { Folio, ThreadId, World } from '../types.ts';

/** Model 3 splits a straddling huge folio where the kernel does. */
export const splitsOnTruncate = (w: World): boolean => w.model >= 3;

/** can_split_folio: every reference is the cache's (one per page), a mapping's, or the caller's one. */
export function canSplit(f: Folio, caller: ThreadId): boolean {
  if (!f.huge || !f.mapped || f.frozenBy !== null) return false;
  let own = 0;
  for (const h of f.holders) {
    if (h.kind === 'cache' || h.kind === 'pte' || h.kind === 'pmd') continue;
    if (h.kind === 'lookup' && h.thread === caller && own++ === 0) continue;
    return false;
  }
  return own === 1;
}

/** Whether f could be split once the caller has taken its lookup reference (a step's guard, before it). */
export const canSplitAfterGet = (f: Folio, caller: ThreadId): boolean =>
  canSplit({ ...f, holders: [...f.holders, { kind: 'lookup', thread: caller }] }, caller);

/**
 * Splits f (locked by the caller, who holds one lookup reference on it) if it can: returns the small
 * folio now at f's first index, locked and referenced by the caller in f's place, or null (-EAGAIN).
 */
export function splitHuge(tx: Tx, f: DraftFolio): DraftFolio | null {
  if (!canSplit(f, tx.tid)) return null;
  unmapFolio(tx, f); // unmap_folio; remap_page maps only anonymous folios again
  acquire(tx, 'xa_lock');
  const end = tx.w.iSize;
  const page = (k: number) =>
    allocFolio(
      tx,
      {
        huge: false,
        index: f.index + k,
        data: [f.data[k] ?? 0],
        valid: [f.valid[k] ?? true],
        uptodate: f.uptodate,
        dirty: f.dirty,
        lru: f.lru,
        mapped: true,
      },
      [{ kind: 'cache', thread: -1 }],
    );
  for (let k = 1; k < f.data.length; k++) {
    const i = f.index + k;
    if (i >= end) {
      setSlot(tx, i, { t: 'empty' }); // shmem_uncharge; __filemap_remove_folio; the page is freed
      setNrpages(tx, -1);
    } else setSlot(tx, i, { t: 'folio', folio: page(k).id });
  }
  const head = page(0);
  setSlot(tx, f.index, { t: 'folio', folio: head.id });
  getRef(tx, head, 'lookup');
  lockPage(tx, head);
  release(tx, 'xa_lock');
  unlockPage(tx, f);
  f.mapped = false;
  for (const h of f.holders.filter((x) => x.kind === 'cache')) putRef(tx, f, 'cache', h.thread);
  putRef(tx, f, 'lookup');
  return head;
}

/**
 * truncate_inode_partial_folio on a straddling huge folio the caller holds locked with a lookup reference
 * (model 3): zero the covered part, then split_folio. Returns the folio the caller holds afterwards (the
 * head page if it split, else f, dirty as shmem's always are, cut out of pass 2) and whether it split.
 */
export function truncatePartial(
  tx: Tx,
  t: DraftThread<PunchLocals>,
  f: DraftFolio,
): { readonly held: DraftFolio; readonly split: boolean } {
  zeroRange(tx, t, f);
  const head = splitHuge(tx, f);
  if (head) return { held: head, split: true };
  zeroCovered(tx, t, f);
  return { held: f, split: false };
}
