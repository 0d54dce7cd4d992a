// The other kernel's side: its memory, what its threads saw and what it broke, at the same step.

import type { InvariantId } from '../../engine/index.ts';
import { kernelOf } from '../../engine/index.ts';
import type { CompareView } from '../../store/index.ts';
import { WorldView } from '../grid/WorldView.tsx';
import { Observations } from '../results/Observations.tsx';
import { Violations } from '../results/Violations.tsx';
import { useStory } from '../story/useStory.ts';

interface Props {
  readonly compare: CompareView;
  /** The recorded race's invariant, so this side marks the same story when it breaks it. */
  readonly target: InvariantId | null;
}

export function ComparePane({ compare, target }: Props) {
  // Its own story: the same cursors and break mark as the main pane, for the compared kernel's run.
  const story = useStory(compare.records, compare.at, compare.variant, target);
  return (
    <section className="world-column" aria-label={`Kernel ${compare.variant}`} data-testid="compare-pane">
      <h2>
        {compare.variant} <span className="muted">{kernelOf(compare.variant).title}</span>
      </h2>

      <WorldView world={compare.world} id="compare" broken={story.mark} />
      <p className="muted compare-at" data-testid="compare-at">
        {compare.at === 0 ? 'At the start' : `Step ${compare.at}`} of {compare.records.length}
        {compare.skipped.length > 0 &&
          ` · skipped ${compare.skipped.length} step${compare.skipped.length > 1 ? 's' : ''} it cannot take (first: step ${(compare.skipped[0]?.at ?? 0) + 1}, ${compare.skipped[0]?.message ?? ''})`}
      </p>
      <Observations world={compare.world} records={compare.records} upTo={compare.at} id="compare" />
      <Violations violations={story.violations} id="compare" variant={compare.variant} target={target} />
    </section>
  );
}
