// Folios waiting in a CPU's lru_add batch (no PG_lru until drained).

import { memo } from 'react';

interface Props {
  /** "cpu:folio" pairs joined by commas, the memo key. */
  readonly batch: string;
}

function LruBatchImpl({ batch }: Props) {
  const items = batch === '' ? [] : batch.split(',').map((p) => p.split(':'));
  return (
    <section className="lru-batch" aria-label="LRU batch" data-testid="lru-batch">
      <h3>lru_add batch</h3>
      {items.length === 0 ? (
        <p className="muted">empty</p>
      ) : (
        <ul>
          {items.map(([cpu, folio], i) => (
            <li key={i}>
              folio {folio} on {cpu === '-1' ? 'another CPU' : `CPU ${cpu}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export const LruBatch = memo(LruBatchImpl);
