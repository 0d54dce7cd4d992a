// The threads drawn on the page cache (from engine/cursors.ts): a marker on the slot each thread looks
// at, a tag on every slot it holds (ref, lock, frozen), the xa_lock as a frame over the range, the answer
// a userspace call returned as a band over the slots it names, and the slots of the story's broken
// invariant marked. Positions are arithmetic (geometry.ts); nothing here measures the DOM.

import { memo } from 'react';
import type { Answer, ThreadCursor, World } from '../../engine/core.ts';
import { answerWords, describeCursor, threadCursors } from '../../engine/core.ts';
import type { Box, Layout } from './geometry.ts';
import { ANSWER_STRIP, gridSize, slotBox, spanBoxes } from './geometry.ts';
import { holdTags, type HoldTag } from './holdTags.ts';
import './cursors.css';

export interface BrokenMark {
  /** "I1" */
  readonly spec: string;
  readonly slots: readonly number[];
  /** The threads involved: a break without slots (a deadlock) is marked where they stand. */
  readonly threads: readonly number[];
}

interface Props {
  readonly world: World;
  readonly layout: Layout;
  readonly id: string;
  readonly broken: BrokenMark | null;
}

const place = (b: Box) => ({ left: b.x, top: b.y, width: b.w, height: b.h });

function answerSlots(a: Answer): readonly number[] {
  if (a.kind === 'seek') return a.skipped.length ? a.skipped : a.at !== null ? [a.at] : [];
  if (a.kind === 'mincore') return a.absent;
  return [a.at];
}

function answerLabel(c: ThreadCursor, a: Answer): string {
  if (a.kind === 'seek')
    return a.skipped.length ? `T${c.thread} skipped → ${a.result}` : `T${c.thread} = ${a.result}`;
  if (a.kind === 'mincore') return `T${c.thread}: not resident`;
  return `T${c.thread} read ${a.value}`;
}

// Worlds are never mutated once a step returns: their cursors are worked out once per world, whichever
// grid (main, compare, a remount) draws it.
const cursorsOf = new WeakMap<World, readonly ThreadCursor[]>();
function cursorsFor(world: World): readonly ThreadCursor[] {
  let c = cursorsOf.get(world);
  if (!c) {
    c = threadCursors(world);
    cursorsOf.set(world, c);
  }
  return c;
}

const tagsOf = new WeakMap<readonly ThreadCursor[], readonly HoldTag[]>();
function tagsFor(cursors: readonly ThreadCursor[]): readonly HoldTag[] {
  let t = tagsOf.get(cursors);
  if (!t) {
    t = holdTags(cursors);
    tagsOf.set(cursors, t);
  }
  return t;
}

function CursorLayerImpl({ world, layout, id, broken }: Props) {
  const cursors = cursorsFor(world);
  const tags = tagsFor(cursors);
  // Markers on one slot stack; tags on one slot line up from the right.
  const stacked = new Map<number, number>();
  const tagged = new Map<number, number>();
  const size = gridSize(layout, world.n);
  const markedSlots = broken
    ? broken.slots.length > 0
      ? broken.slots
      : [
          ...new Set(
            cursors.flatMap((c) => (broken.threads.includes(c.thread) && c.at !== null ? [c.at] : [])),
          ),
        ].sort((x, y) => x - y)
    : [];
  const xa = cursors.find((c) => c.holds.some((h) => h.kind === 'xa_lock'));
  return (
    <div className="cursor-layer" data-testid={`${id}-cursors`}>
      {broken &&
        spanBoxes(layout, markedSlots, 4).map((b, k, all) => (
          // The tag hangs below the mark's last row, where it covers no slot of the next row.
          <div
            key={`broken-${k}`}
            className="broken-mark"
            style={place(b)}
            data-testid={k === all.length - 1 ? `${id}-broken-mark` : undefined}
          >
            {k === all.length - 1 && <span className="broken-tag">{broken.spec} broken</span>}
          </div>
        ))}
      {xa && (
        <div
          className={`xa-frame t-ink${xa.thread % 8}`}
          style={{ width: size.w + 14, height: size.h + 14 }}
          data-testid={`${id}-xa-lock`}
        >
          <span className="xa-tag">xa_lock: T{xa.thread}</span>
        </div>
      )}
      {tags.map((t) => {
        const k = tagged.get(t.slot) ?? 0;
        tagged.set(t.slot, k + 1);
        const b = slotBox(layout, t.slot);
        // Inside the cell's top right corner (the index and the marker are at its top left); a compact
        // cell has no room inside, so its tag sits on the top edge.
        const inset = layout.compact ? 2 : 5;
        return (
          <span
            key={t.key}
            className={`hold-tag t${t.thread % 8}`}
            style={{
              right: `calc(100% - ${b.x + b.w - inset}px + ${k * 3.4}rem)`,
              top: layout.compact ? b.y - 8 : b.y + 4,
            }}
            title={t.title}
            aria-hidden="true"
          >
            {t.text}
          </span>
        );
      })}
      {cursors.map((c) => {
        const a = c.answer;
        if (!a) return null;
        const boxes = spanBoxes(layout, answerSlots(a), 0);
        return boxes.map((b, k) => (
          <div
            key={`answer-${c.thread}-${k}`}
            className={`answer-band t-ink${c.thread % 8}`}
            style={{ left: b.x, top: b.y + b.h - ANSWER_STRIP, width: b.w }}
            data-testid={k === 0 ? `${id}-answer-T${c.thread}` : undefined}
            role={k === 0 ? 'note' : undefined}
            aria-label={k === 0 ? `${c.name}: ${answerWords(a)}` : undefined}
          >
            {k === 0 ? answerLabel(c, a) : ''}
          </div>
        ));
      })}
      {cursors.map((c) => {
        if (c.at === null) return null;
        const k = stacked.get(c.at) ?? 0;
        stacked.set(c.at, k + 1);
        const b = slotBox(layout, c.at);
        const compact = layout.compact;
        return (
          <span
            key={`cursor-${c.thread}`}
            className={`cursor-marker t${c.thread % 8}${compact ? ' compact' : ''}`}
            // Top left, beside the slot's index: the bottom edge is where answers are drawn.
            style={{
              left: b.x + (compact ? 1 : 16) + k * (compact ? 14 : 34),
              top: b.y + (compact ? -6 : 2),
            }}
            role="img"
            aria-label={describeCursor(c)}
            data-testid={id === 'main' ? `cursor-T${c.thread}` : `${id}-cursor-T${c.thread}`}
          >
            {compact ? c.thread : `▲T${c.thread}`}
          </span>
        );
      })}
    </div>
  );
}

export const CursorLayer = memo(CursorLayerImpl);
