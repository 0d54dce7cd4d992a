// The other kernel's side: its memory, what its threads saw and what it broke, at the same step.

import { useState } from 'react';
import type { InvariantId } from '../../engine/core.ts';
import { kernelOf } from '../../engine/core.ts';
import type { CompareView, Frame } from '../../store/index.ts';
import { WorldView } from '../grid/WorldView.tsx';
import { Observations } from '../results/Observations.tsx';
import { Violations } from '../results/Violations.tsx';
import { useStory } from '../story/useStory.ts';

interface Props {
  readonly compare: CompareView;
  /** The recorded race's invariant, so this side marks the same story when it breaks it. */
  readonly target: InvariantId | null;
  /** The main pane's step is animated (one step forward) with this motion and speed. */
  readonly animate: boolean;
  readonly motion: boolean;
  readonly speed: number;
}

/**
 * This side's frame: animated when the main pane's step moved this side exactly one step on (a skipped
 * choice moves it by none, a jump by many: those are shown at once), with that step's own record.
 */
function frameOf(before: CompareView | null, now: CompareView, animate: boolean): Frame {
  const record = now.records[now.at - 1] ?? null;
  const stepped =
    animate && before !== null && before.variant === now.variant && now.at === before.at + 1 && record;
  return stepped
    ? { world: now.world, prev: before.world, record, animate: true }
    : { world: now.world, prev: null, record: null, animate: false };
}

export function ComparePane({ compare, target, animate, motion, speed }: Props) {
  // The view shown last and its frame (React's "state from the previous render" pattern).
  const [shown, setShown] = useState(() => ({ view: compare, frame: frameOf(null, compare, false) }));
  let frame = shown.frame;
  if (shown.view !== compare) {
    frame = frameOf(shown.view, compare, animate);
    setShown({ view: compare, frame });
  }
  // Its own story: the same cursors and break mark as the main pane, for the compared kernel's run.
  const story = useStory(compare.records, compare.at, compare.variant, target);
  return (
    <section className="world-column" aria-label={`Kernel ${compare.variant}`} data-testid="compare-pane">
      <h2>
        {compare.variant} <span className="muted">{kernelOf(compare.variant).title}</span>
      </h2>

      <WorldView
        world={compare.world}
        id="compare"
        broken={story.mark}
        animation={{ frame, motion, speed }}
      />
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
