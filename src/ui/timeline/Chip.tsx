// One step on the timeline, in its thread's lane. Memoised: moving the cursor re-renders two chips.

import { memo } from 'react';
import type { StepRecord } from '../../store/index.ts';

interface Props {
  readonly record: StepRecord;
  readonly lane: number;
  readonly state: 'past' | 'current' | 'future';
  readonly violation: boolean;
  readonly divergence: boolean;
  readonly onJump: (n: number) => void;
}

function ChipImpl({ record, lane, state, violation, divergence, onJump }: Props) {
  const marks = `${violation ? ', an invariant broke here' : ''}${divergence ? ', the compared kernel diverges here' : ''}`;
  return (
    <button
      type="button"
      tabIndex={-1}
      className={`chip chip-${state} t${record.thread % 8}${violation ? ' chip-violation' : ''}${divergence ? ' chip-divergence' : ''}`}
      style={{ gridColumn: record.index + 1, gridRow: lane + 2 }}
      aria-current={state === 'current' ? 'step' : undefined}
      aria-label={`Step ${record.index + 1}: T${record.thread} ${record.label}${marks}`}
      title={`step ${record.index + 1}: T${record.thread} ${record.label}`}
      data-testid={`chip-${record.index}`}
      onClick={() => onJump(record.index + 1)}
    >
      {violation ? '!' : divergence ? '≠' : ''}
    </button>
  );
}

export const Chip = memo(ChipImpl);
