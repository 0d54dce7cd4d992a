// The tree a `|xa` world starts with (createWorld, through code.ts).

import type { World } from '../types.ts';
import { storeHugeAtOnce } from './multiStore.ts';
import { buildTree } from './store.ts';
import type { XaTree } from './types.ts';

/** The tree of the initial slots; an `H` range is one multi-index entry, stored as collapse stores it. */
export function treeFor(w: World, chunk: number): XaTree {
  const huge = w.slots[0]?.t === 'folio' && w.folios[w.slots[0].folio]?.huge === true;
  if (!huge) return buildTree(w.slots, chunk);
  const folio = w.slots[0]?.t === 'folio' ? w.slots[0].folio : -1;
  return storeHugeAtOnce(
    buildTree(
      w.slots.map(() => ({ t: 'empty' })),
      chunk,
    ),
    Math.log2(w.n),
    folio,
  );
}
