// Where a folio is on screen before and after a step: the slots holding it (a freed folio is found in
// the world before the step).

import type { World } from '../../engine/core.ts';

export function folioSlots(w: World): Map<number, number[]> {
  const m = new Map<number, number[]>();
  w.slots.forEach((e, i) => {
    if (e.t !== 'folio') return;
    const list = m.get(e.folio);
    if (list) list.push(i);
    else m.set(e.folio, [i]);
  });
  return m;
}
