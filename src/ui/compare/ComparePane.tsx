// The other kernel's side: its memory, what its threads saw and what it broke, at the same step.

import { useMemo } from 'react';
import { kernelOf } from '../../engine/index.ts';
import type { CompareView } from '../../store/index.ts';
import { distinctViolations } from '../../store/index.ts';
import { WorldView } from '../grid/WorldView.tsx';
import { Observations } from '../results/Observations.tsx';
import { Violations } from '../results/Violations.tsx';

export function ComparePane({ compare }: { compare: CompareView }) {
  const violations = useMemo(
    () => distinctViolations(compare.records, compare.at),
    [compare.records, compare.at],
  );
  return (
    <section className="world-column" aria-label={`Kernel ${compare.variant}`} data-testid="compare-pane">
      <h2>
        {compare.variant} <span className="muted">{kernelOf(compare.variant).title}</span>
      </h2>

      <WorldView world={compare.world} id="compare" />
      <p className="muted compare-at" data-testid="compare-at">
        {compare.at === 0 ? 'At the start' : `Step ${compare.at}`} of {compare.records.length}
        {compare.skipped.length > 0 &&
          ` · skipped ${compare.skipped.length} step${compare.skipped.length > 1 ? 's' : ''} it cannot take (first: step ${(compare.skipped[0]?.at ?? 0) + 1}, ${compare.skipped[0]?.message ?? ''})`}
      </p>
      <Observations world={compare.world} records={compare.records} upTo={compare.at} id="compare" />
      <Violations violations={violations} id="compare" variant={compare.variant} target={null} />
    </section>
  );
}
