// The process's page table over the range: the PMD state and one PTE per slot. Memoised on a key so it
// renders only when a PTE or the PMD changes.

import { memo } from 'react';
import type { Pmd } from '../../engine/core.ts';

interface Props {
  /** PTE targets joined by commas ('' for pte_none), the memo key. */
  readonly ptes: string;
  readonly pmd: Pmd;
  readonly pmdFolio: number | null;
  readonly uffd: boolean;
}

const LIST_UP_TO = 64;

function PageTableImpl({ ptes, pmd, pmdFolio, uffd }: Props) {
  const list = ptes.split(',');
  const mapped = list.filter((p) => p !== '').length;
  const pmdText =
    pmd === 'huge'
      ? `PMD maps huge folio ${pmdFolio ?? '?'}`
      : pmd === 'none'
        ? 'PMD none (table retracted)'
        : 'PMD points to a PTE table';
  return (
    <section className="page-table" aria-label="Page table" data-testid="page-table">
      <h3>Page table</h3>
      <p>
        <span className={`pmd pmd-${pmd}`} data-testid="pmd">
          {pmdText}
        </span>
        {' · '}
        {mapped} of {list.length} PTEs mapped{uffd ? ' · userfaultfd MISSING registered' : ''}
      </p>
      {pmd === 'table' && list.length > LIST_UP_TO && (
        // Many PTEs: one path (a tick per mapped PTE) instead of hundreds of elements.
        <svg
          className="pte-strip"
          width="100%"
          height={12}
          viewBox={`0 0 ${list.length * 2} 12`}
          preserveAspectRatio="none"
          aria-hidden="true"
        >
          <rect width={list.length * 2} height={12} />
          <path d={list.map((p, i) => (p === '' ? '' : `M${i * 2},0h2v12h-2Z`)).join('')} />
        </svg>
      )}
      {pmd === 'table' && list.length <= LIST_UP_TO && (
        <ol className="ptes" aria-label="PTEs">
          {list.map((p, i) => (
            <li
              key={i}
              className={p === '' ? 'pte pte-none' : 'pte pte-mapped'}
              title={`PTE ${i}: ${p === '' ? 'none' : `folio ${p}`}`}
            >
              <span className="visually-hidden">{`PTE ${i}: `}</span>
              {p === '' ? '·' : p}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export const PageTable = memo(PageTableImpl);
