// Slot views with reuse across renders (see slotView.ts): only changed slots get new objects.

import { useMemo, useRef } from 'react';
import type { World } from '../../engine/core.ts';
import type { SlotView } from './slotView.ts';
import { slotViews } from './slotView.ts';

export function useSlotViews(world: World): readonly SlotView[] {
  const prev = useRef<readonly SlotView[]>([]);
  const views = useMemo(() => slotViews(world, prev.current), [world]);
  // Remembered after render so the next world can reuse unchanged views.
  prev.current = views;
  return views;
}
