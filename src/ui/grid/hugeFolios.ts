// Which huge pages sit in the cache, and in which slots; and which are still private to a collapse.

import type { Folio, World } from '../../engine/core.ts';
import { collapseHugePages } from '../../engine/core.ts';

export interface HugeInCache {
  readonly folio: Folio;
  readonly slots: readonly number[];
  /** Stable across worlds while the slots are the same, for memoising the outline. */
  readonly key: string;
}

export function hugeInCache(w: World): HugeInCache[] {
  const by = new Map<number, number[]>();
  w.slots.forEach((e, i) => {
    if (e.t !== 'folio' || !w.folios[e.folio]?.huge) return;
    const list = by.get(e.folio) ?? [];
    list.push(i);
    by.set(e.folio, list);
  });
  return [...by].flatMap(([id, slots]) => {
    const folio = w.folios[id];
    return folio ? [{ folio, slots, key: `${id}:${slots.join(',')}` }] : [];
  });
}

export interface PrivateHuge {
  readonly folio: Folio;
  readonly owner: number;
}

/** A collapse thread's huge page while no slot holds it yet (shown beside the range). */
export function privateHugePages(w: World): PrivateHuge[] {
  return collapseHugePages(w).filter(
    ({ folio }) => !w.slots.some((e) => e.t === 'folio' && e.folio === folio.id),
  );
}
