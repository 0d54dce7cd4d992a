// The story on screen for one side: its violations grouped, the one the callout tells, and the grid's
// mark for it. Memoised on the records and the cursor.

import { useMemo } from 'react';
import type { InvariantId, KernelId } from '../../engine/core.ts';
import type { ShownViolation, StepRecord } from '../../store/index.ts';
import { distinctViolations } from '../../store/index.ts';
import type { BrokenMark } from '../grid/CursorLayer.tsx';
import { storyViolation } from './story.ts';

export interface Story {
  readonly violations: readonly ShownViolation[];
  readonly told: ShownViolation | null;
  readonly mark: BrokenMark | null;
}

export function useStory(
  records: readonly StepRecord[],
  upTo: number,
  variant: KernelId,
  target: InvariantId | null,
): Story {
  return useMemo(() => {
    const violations = distinctViolations(records, upTo);
    const told = storyViolation(violations, variant, target);
    const mark = told
      ? { spec: told.spec, slots: told.violation.slots, threads: told.violation.threads }
      : null;
    return { violations, told, mark };
  }, [records, upTo, variant, target]);
}
