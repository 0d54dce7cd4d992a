// Removing a folio from the page cache.

import type { DraftFolio } from './tx.ts';
import { putRef, setFlag, setNrpages, setSlot, type Tx } from './tx.ts';
import { unmapFolio } from './pageTable.ts';

/** Removes a folio from the page cache (filemap_remove_folio / truncate_inode_folio), all its slots. */
export function removeFromCache(tx: Tx, f: DraftFolio): void {
  unmapFolio(tx, f);
  const span = f.huge ? tx.w.n : 1;
  for (let i = f.index; i < f.index + span; i++) {
    const e = tx.w.slots[i];
    if (e?.t === 'folio' && e.folio === f.id) setSlot(tx, i, { t: 'empty' });
  }
  setNrpages(tx, -span);
  setFlag(tx, f, 'mapped', false);
  const caches = f.holders.filter((h) => h.kind === 'cache').length;
  for (let k = 0; k < caches; k++) putRef(tx, f, 'cache', -1);
}
