// The page cache: one cell per slot in a grid that wraps, the huge page outlined as one object over the
// slots that hold it, and one inspector (holders list) for the slot under the pointer or the focus.
// The cells themselves are written by slotCells.ts; React renders the list around them and handles its
// events (delegated from the cells).

import {
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
} from 'react';
import type { World } from '../../engine/core.ts';
import type { Layout } from './geometry.ts';
import { gridSize, slotBox } from './geometry.ts';
import { CursorLayer, type BrokenMark } from './CursorLayer.tsx';
import { HugeOutline } from './HugeOutline.tsx';
import { hugeInCache } from './hugeFolios.ts';
import { renderCells, type CellsState } from './slotCells.ts';
import { folioBadges, holdersAt } from './slotView.ts';
import { useSlotViews } from './useSlotViews.ts';
import './grid.css';

interface Props {
  readonly world: World;
  readonly layout: Layout;
  /** Distinguishes the two grids in compare mode (ids, test ids). */
  readonly id: string;
  /** The story's broken invariant and its slots, marked once the cursor is past the break. */
  readonly broken?: BrokenMark | null;
  /** What is drawn in the fixed-height strip above the grid besides the huge page's caption. */
  readonly above?: ReactNode;
}

export function PageCacheGrid({ world, layout, id, broken = null, above = null }: Props) {
  const views = useSlotViews(world);
  const [focused, setActive] = useState(0);
  // A new setup may have fewer slots than the one the focus was in.
  const active = Math.min(focused, world.n - 1);
  const [inspect, setInspect] = useState<number | null>(null);
  const size = gridSize(layout, world.n);
  const tooltipId = `${id}-slot-tooltip`;
  // Memoised on the world: hovering re-renders the grid, and the outlines need not be rebuilt for it.
  const huge = useMemo(() => hugeInCache(world), [world]);
  const list = useRef<HTMLDivElement>(null);
  const cells = useRef<CellsState | null>(null);
  useLayoutEffect(() => {
    if (!list.current) return;
    cells.current = renderCells(list.current, cells.current, {
      views,
      compact: layout.compact,
      active,
      inspected: inspect,
      tooltipId,
    });
  }, [views, layout.compact, active, inspect, tooltipId]);

  const focusSlot = useCallback((el: HTMLElement, i: number) => {
    const next = el.querySelector<HTMLElement>(`[data-slot="${i}"]`);
    next?.focus();
  }, []);

  const slotOf = (t: EventTarget) =>
    t instanceof Element ? Number(t.closest('[data-slot]')?.getAttribute('data-slot') ?? NaN) : NaN;
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = {
      ArrowLeft: -1,
      ArrowRight: 1,
      ArrowUp: -layout.cols,
      ArrowDown: layout.cols,
      Home: -world.n,
      End: world.n,
    };
    const d = moves[e.key];
    if (d === undefined) return;
    e.preventDefault();
    // From the slot that has the focus: a key pressed before React re-rendered for the focus would
    // otherwise move from the previous roving slot.
    const at = slotOf(e.target);
    const i = Math.max(0, Math.min(world.n - 1, (Number.isInteger(at) ? at : active) + d));
    setActive(i);
    setInspect(i);
    focusSlot(e.currentTarget, i);
  };
  const onFocus = (e: FocusEvent) => {
    const i = slotOf(e.target);
    if (Number.isInteger(i)) {
      setActive(i);
      setInspect(i);
    }
  };
  const onOver = (e: MouseEvent) => {
    const i = slotOf(e.target);
    setInspect(Number.isInteger(i) ? i : null);
  };

  const shown = inspect !== null ? views[inspect] : undefined;
  const box = shown ? slotBox(layout, shown.index) : null;
  const holders = shown ? holdersAt(world, shown.index) : '';

  return (
    <div className="grid-block">
      {/* One fixed height whatever it holds, so the grid never moves from one step to the next. */}
      <div className="grid-status" data-testid={`${id}-grid-status`}>
        {above}
        {huge.map((h) => (
          <p key={h.folio.id} className="huge-caption" data-testid={`${id}-huge-caption`}>
            <strong>
              Huge page folio {h.folio.id} in{' '}
              {h.slots.length === world.n ? 'every slot' : `slot ${h.slots.join(', ')}`}
            </strong>
            {folioBadges(h.folio).map((b) => (
              <span key={b.kind} className={`badge badge-${b.kind}`}>
                {b.text}
              </span>
            ))}
          </p>
        ))}
        {huge.length === 0 && above === null && <p className="huge-caption muted">No huge page yet.</p>}
      </div>
      <div className="grid-frame" data-testid={`${id}-grid-frame`}>
        {huge.map((h) => (
          <HugeOutline
            key={h.key}
            layout={layout}
            folio={h.folio.id}
            slots={h.slots}
            width={size.w}
            height={size.h}
          />
        ))}
        <div
          ref={list}
          className={`grid${layout.compact ? ' compact' : ''}`}
          role="list"
          aria-label={`Page cache, ${world.n} slots`}
          data-testid={`${id}-grid`}
          data-own-arrows
          // The browser fits the columns itself (the same count as layout.cols once the width is
          // measured), so correcting the first render's width estimate never lays out 512 cells again.
          style={{
            gridTemplateColumns: `repeat(auto-fill, ${layout.cellW}px)`,
            gridAutoRows: `${layout.cellH}px`,
            gap: `${layout.gap}px`,
          }}
          onKeyDown={onKeyDown}
          onFocus={onFocus}
          onMouseOver={onOver}
          onMouseLeave={() => setInspect(null)}
        />
        <CursorLayer world={world} layout={layout} id={id} broken={broken} />
        {shown && box && (
          <div
            id={tooltipId}
            role="tooltip"
            className="slot-tooltip"
            data-testid={`${id}-slot-tooltip`}
            style={{ left: box.x, top: box.y + box.h + 4 }}
          >
            <strong>{shown.label}</strong>
            <br />
            {holders ? `holders: ${holders}` : 'no folio, no holders'}
          </div>
        )}
      </div>
    </div>
  );
}
