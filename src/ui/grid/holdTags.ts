// Where the hold tags of the threads go on the grid (CursorLayer draws them): one tag per held folio on
// its slot, but a folio over many slots (a huge page) gets one tag, on its first slot, and a thread holding
// more than a few folios of one kind (collapse locking 512 old pages) gets one counted tag: the layer
// stays a handful of elements however large the grid.

import type { HoldKind, ThreadCursor } from '../../engine/core.ts';
import { describeHold, slotSpan } from '../../engine/core.ts';

export interface HoldTag {
  readonly key: string;
  readonly thread: number;
  readonly kind: Exclude<HoldKind, 'xa_lock'>;
  readonly slot: number;
  /** "lock T0", "lock T0 ×512" */
  readonly text: string;
  readonly title: string;
}

/** Beyond this many folios of one kind, a thread's holds are one tag. */
export const MANY_HOLDS = 8;

const WORD = { ref: 'ref', lock: 'lock', freeze: 'frozen' } as const;

export function holdTags(cursors: readonly ThreadCursor[]): HoldTag[] {
  const out: HoldTag[] = [];
  for (const c of cursors)
    for (const kind of ['lock', 'freeze', 'ref'] as const) {
      const held = c.holds.filter((h) => h.kind === kind && h.slots.length > 0);
      if (held.length === 0) continue;
      const text = `${WORD[kind]} T${c.thread}`;
      if (held.length > MANY_HOLDS) {
        const slots = [...new Set(held.flatMap((h) => h.slots))].sort((a, b) => a - b);
        out.push({
          key: `hold-${c.thread}-${kind}-many`,
          thread: c.thread,
          kind,
          slot: slots[0] ?? 0,
          text: `${text} ×${held.length}`,
          title: `T${c.thread} holds ${held.length} folios (${WORD[kind]}) in ${slotSpan(slots)}`,
        });
        continue;
      }
      for (const h of held)
        out.push({
          key: `hold-${c.thread}-${kind}-${h.folio ?? 'x'}`,
          thread: c.thread,
          kind,
          slot: h.slots[0] ?? 0,
          text,
          title: `T${c.thread} holds ${describeHold(h)}`,
        });
    }
  return out;
}
