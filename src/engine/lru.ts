// The per-CPU lru_add batches and the LRU flag (spec §3.9).

import type { DraftFolio } from './tx.ts';
import type { ThreadId } from './types.ts';
import { getRef, putRef, setFlag, type Tx } from './tx.ts';

/** folio_add_lru: a small folio waits in this CPU's batch holding a reference; a large one goes straight on. */
export function addToLru(tx: Tx, f: DraftFolio, cpu: ThreadId = tx.tid): void {
  if (f.huge) {
    setFlag(tx, f, 'lru', true);
    return;
  }
  getRef(tx, f, 'lru-batch', cpu);
  tx.w.lruBatch.push({ cpu, folio: f.id });
  tx.ev.push({ type: 'lru.batched', folio: f.id, cpu });
}

/** lru_add_drain() for one CPU, or every CPU when cpu is null (lru_add_drain_all / periodic drain). */
export function drainLru(tx: Tx, cpu: ThreadId | null): void {
  const drained: number[] = [];
  const keep: Tx['w']['lruBatch'] = [];
  for (const b of tx.w.lruBatch) {
    if (cpu !== null && b.cpu !== cpu) {
      keep.push(b);
      continue;
    }
    drained.push(b.folio);
    const f = tx.folio(b.folio);
    setFlag(tx, f, 'lru', true);
    putRef(tx, f, 'lru-batch', b.cpu);
  }
  tx.w.lruBatch = keep;
  tx.ev.push({ type: 'lru.drained', cpu: cpu ?? -1, folios: drained });
}

/** putback_lru_page: the isolation reference becomes a batch reference on this CPU. */
export function putbackLru(tx: Tx, f: DraftFolio): void {
  addToLru(tx, f);
  putRef(tx, f, 'isolation');
}
