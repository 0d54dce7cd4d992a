// Below the thread panes: what each thread saw and the invariants, the story's first. Loaded lazily (it
// is below the fold), as the default export.

import type { InvariantId, KernelId, World } from '../../engine/core.ts';
import type { ShownViolation, StepRecord } from '../../store/index.ts';
import { Observations } from './Observations.tsx';
import { Violations } from './Violations.tsx';

interface Props {
  readonly world: World;
  readonly records: readonly StepRecord[];
  readonly cursor: number;
  readonly violations: readonly ShownViolation[];
  readonly variant: KernelId;
  readonly target: InvariantId | null;
  readonly onJump: (n: number) => void;
}

export default function Results({ world, records, cursor, violations, variant, target, onJump }: Props) {
  return (
    <div className="results">
      <Observations world={world} records={records} upTo={cursor} id="main" />
      <Violations violations={violations} id="main" variant={variant} target={target} onJump={onJump} />
    </div>
  );
}
