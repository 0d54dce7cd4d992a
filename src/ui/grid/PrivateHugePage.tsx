// The collapse's new huge page while it is private (allocated, not yet in the cache): one bar with a cell
// per sub-page, filled as data is copied in (folio.valid[i]), drawn as one SVG path.

import { memo } from 'react';
import type { Folio } from '../../engine/core.ts';
import { folioBadges } from './slotView.ts';

interface Props {
  readonly folio: Folio;
  readonly owner: number;
  readonly width: number;
}

function PrivateHugePageImpl({ folio, owner, width }: Props) {
  const n = folio.valid.length;
  const cell = Math.max(1, Math.min(24, Math.floor(width / Math.max(1, n))));
  const filled = folio.valid.filter(Boolean).length;
  const d = folio.valid.map((v, i) => (v ? `M${i * cell},0h${cell}v16h${-cell}Z` : '')).join('');
  const badges = folioBadges(folio);
  return (
    <div className="private-hpage" data-testid="private-hpage" data-folio={folio.id}>
      <p className="private-hpage-caption">
        <strong>
          T{owner}&rsquo;s huge page (folio {folio.id}), private
        </strong>
        : {filled} of {n} sub-pages filled
        {badges.map((b) => (
          <span key={b.kind} className={`badge badge-${b.kind}`}>
            {b.text}
          </span>
        ))}
      </p>
      <svg width={n * cell} height={16} className="private-hpage-bar" aria-hidden="true" data-hpage-bar>
        <rect className="hpage-empty" width={n * cell} height={16} />
        <path className="hpage-filled" d={d} />
      </svg>
    </div>
  );
}

export const PrivateHugePage = memo(PrivateHugePageImpl);
