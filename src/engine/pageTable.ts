// The process's page table: PTEs, the PMD, and unmapping a folio from them.

import type { DraftFolio } from './tx.ts';
import type { Folio, World } from './types.ts';
import { fault, getRef, putRef, type Tx } from './tx.ts';

export function setPte(tx: Tx, i: number, folio: DraftFolio | null): void {
  const ptes = tx.ptesToWrite();
  const old = ptes[i];
  if (old === undefined) fault(`PTE ${i} out of range`);
  if (old !== null) {
    const f = tx.folio(old);
    ptes[i] = null;
    f.mapcount--;
    putRef(tx, f, 'pte', -1);
  }
  if (folio) {
    ptes[i] = folio.id;
    folio.mapcount++;
    getRef(tx, folio, 'pte', -1);
  }
  tx.ev.push({ type: 'pte.changed', index: i, folio: folio ? folio.id : null });
}

export function zapPmd(tx: Tx): void {
  const p = tx.w.proc;
  if (p.pmd !== 'huge' || p.pmdFolio === null) return;
  const f = tx.folio(p.pmdFolio);
  p.pmd = 'none';
  p.pmdFolio = null;
  f.mapcount--;
  putRef(tx, f, 'pmd', -1);
  tx.ev.push({ type: 'pmd.changed', pmd: 'none' });
}

/** Clears every PTE (and a huge PMD) mapping f, as try_to_unmap / truncate's unmap do. */
export function unmapFolio(tx: Tx, f: DraftFolio): void {
  tx.w.proc.ptes.forEach((id, i) => {
    if (id === f.id) setPte(tx, i, null);
  });
  if (tx.w.proc.pmdFolio === f.id) zapPmd(tx);
}

export function isMappedByProcess(w: World, f: Folio): boolean {
  return w.proc.ptes.includes(f.id) || w.proc.pmdFolio === f.id;
}
