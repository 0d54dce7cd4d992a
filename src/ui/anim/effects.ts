// Step effects drawn with d3 on an overlay the React tree never touches. Each effect is transient and
// removes itself: the end state is already rendered by React, so an animation never changes it, and
// with motion off nothing is drawn at all. Many-slot changes are drawn as ONE object (never 512 groups).

import { easeCubicInOut, easeCubicOut } from 'd3-ease';
import { select, type Selection } from 'd3-selection';
import 'd3-transition';
import type { EngineEvent, World } from '../../engine/core.ts';
import { folioOfView } from '../../engine/core.ts';
import type { Box } from '../grid/geometry.ts';
import { unionBox } from '../grid/geometry.ts';
import { folioSlots } from './folioPlaces.ts';
import { carry, refTravel, slideOut } from './handoffs.ts';

export interface Geometry {
  /** Reads the layout once per step (slot() is then arithmetic). */
  measure(): void;
  /** Slot i in overlay coordinates. */
  slot(i: number): Box | null;
  /** The private huge page bar, if one is on screen now. */
  hpageBar(): Box | null;
  /** Thread t's marker on the grid (where it stands after the step), if it has one. */
  thread(t: number): Box | null;
}

export interface StepInput {
  readonly events: readonly EngineEvent[];
  readonly world: World;
  readonly prev: World;
  /** Where the private huge page bar was before this step (it leaves the screen when published). */
  readonly barBefore: Box | null;
  /** Milliseconds for one effect (already divided by the speed). */
  readonly duration: number;
}

export interface StepEffects {
  update(input: StepInput): void;
  clear(): void;
  destroy(): void;
}

/** Beyond this many targets an effect is drawn once over their union. */
const MANY = 12;

type Layer = Selection<SVGGElement, unknown, null, undefined>;

const union = (boxes: readonly (Box | null)[]) => unionBox(boxes.filter((b): b is Box => b !== null));

export function createStepEffects(svg: SVGSVGElement, geo: Geometry): StepEffects {
  const root: Layer = select(svg).append('g').attr('class', 'fx-root');
  // Composited effects (travel) live in a layer of HTML boxes beside the SVG overlay.
  const boxes = document.createElement('div');
  boxes.className = 'fx-boxes';
  boxes.setAttribute('aria-hidden', 'true');
  Object.assign(boxes.style, { position: 'absolute', inset: '0', pointerEvents: 'none' });
  svg.after(boxes);

  const clear = () => {
    root.selectAll('*').interrupt();
    root.selectAll('*').remove();
    boxes.replaceChildren();
  };

  const lock = (b: Box, closing: boolean, d: number) => {
    const g = root
      .append('g')
      .attr('class', 'fx fx-lock')
      .attr('transform', `translate(${b.x + b.w - 16},${b.y + 2})`);
    g.append('rect')
      .attr('class', 'fx-lock-body')
      .attr('x', 0)
      .attr('y', 8)
      .attr('width', 12)
      .attr('height', 9)
      .attr('rx', 2);
    const shackle = g
      .append('path')
      .attr('class', 'fx-lock-shackle')
      .attr('d', 'M2.5,9V5a3.5,3.5 0 0 1 7,0v4')
      .attr('transform', `translate(0,${closing ? -5 : 0})`);
    shackle
      .transition()
      .duration(d * 0.5)
      .ease(easeCubicInOut)
      .attr('transform', `translate(0,${closing ? 0 : -5})`);
    g.transition()
      .delay(d * 0.6)
      .duration(d * 0.4)
      .style('opacity', 0)
      .remove();
  };

  const tick = (b: Box, delta: number, d: number) => {
    root
      .append('text')
      .attr('class', `fx fx-ref ${delta > 0 ? 'up' : 'down'}`)
      .attr('x', b.x + b.w / 2)
      .attr('y', b.y + b.h / 2)
      .attr('text-anchor', 'middle')
      .text(`${delta > 0 ? '+' : ''}${delta}`)
      .transition()
      .duration(d)
      .ease(easeCubicOut)
      .attr('y', b.y + b.h / 2 - 18)
      .style('opacity', 0)
      .remove();
  };

  const freeze = (b: Box, d: number) => {
    root
      .append('rect')
      .attr('class', 'fx fx-frost')
      .attr('x', b.x)
      .attr('y', b.y)
      .attr('width', b.w)
      .attr('height', b.h)
      .style('opacity', 0)
      .transition()
      .duration(d * 0.4)
      .style('opacity', 0.7)
      .transition()
      .duration(d * 0.6)
      .style('opacity', 0)
      .remove();
  };

  const flash = (b: Box, d: number) => {
    root
      .append('rect')
      .attr('class', 'fx fx-replace')
      .attr('x', b.x - 6)
      .attr('y', b.y - 6)
      .attr('width', b.w + 12)
      .attr('height', b.h + 12)
      .style('opacity', 1)
      .transition()
      .duration(d)
      .ease(easeCubicOut)
      .attr('x', b.x)
      .attr('y', b.y)
      .attr('width', b.w)
      .attr('height', b.h)
      .style('opacity', 0)
      .remove();
  };

  /**
   * One object travelling from `from` to `to` (a copy of data, or the huge page being published). It is an
   * HTML box animated by the compositor (transform and opacity only, Web Animations): a box the size of
   * the whole grid moved by d3 in the SVG would repaint every cell under it on every frame.
   */
  const travel = (from: Box, to: Box, cls: string, d: number) => {
    const sx = from.w / Math.max(1, to.w);
    const sy = from.h / Math.max(1, to.h);
    const el = document.createElement('div');
    el.className = `fx-box ${cls}`;
    Object.assign(el.style, {
      position: 'absolute',
      left: '0',
      top: '0',
      width: `${to.w}px`,
      height: `${to.h}px`,
      boxSizing: 'border-box',
      transformOrigin: '0 0',
      willChange: 'transform, opacity',
      pointerEvents: 'none',
      ...(cls === 'fx-copy'
        ? { background: 'var(--oi-green)' }
        : { background: 'rgba(0, 158, 115, 0.25)', border: '3px solid var(--oi-green)' }),
    });
    boxes.append(el);
    const at = `translate(${to.x}px, ${to.y}px) scale(1, 1)`;
    const move = el.animate(
      [
        {
          transform: `translate(${from.x}px, ${from.y}px) scale(${sx}, ${sy})`,
          opacity: 0.9,
          offset: 0,
          easing: 'cubic-bezier(0.65, 0, 0.35, 1)',
        },
        { transform: at, opacity: 0.9, offset: 1 / 1.3 },
        { transform: at, opacity: 0, offset: 1 },
      ],
      { duration: d * 1.3, fill: 'forwards' },
    );
    move.onfinish = () => el.remove();
  };

  const update = ({ events, world, prev, barBefore, duration: d }: StepInput) => {
    clear();
    geo.measure();
    const after = folioSlots(world);
    const before = folioSlots(prev);
    const bar = geo.hpageBar();
    const hugeIds = new Set(
      Object.values(world.folios)
        .filter((f) => f.huge)
        .map((f) => f.id),
    );
    const placeOf = (folio: number): Box | null => {
      const slots = after.get(folio) ?? before.get(folio);
      if (slots) return union(slots.map((i) => geo.slot(i)));
      return hugeIds.has(folio) ? bar : null;
    };
    const refDelta = new Map<number, number>();
    const replaced: number[] = [];
    const published: number[] = [];
    const filled: number[] = [];
    const values = new Map<number, number>();
    const taken: { folio: number; thread: number }[] = [];
    const evicted: { index: number; folio: number }[] = [];
    let locks = 0;
    for (const e of events) {
      switch (e.type) {
        case 'page.locked':
        case 'page.unlocked': {
          const b = placeOf(e.folio);
          if (b && locks++ < MANY) lock(b, e.type === 'page.locked', d);
          break;
        }
        case 'refcount.changed':
          refDelta.set(e.folio, (refDelta.get(e.folio) ?? 0) + e.delta);
          if (e.delta > 0 && (e.holder === 'lookup' || e.holder === 'gup')) taken.push(e);
          break;
        case 'refcount.frozen': {
          const b = placeOf(e.folio);
          if (b) freeze(b, d);
          break;
        }
        case 'slot.replaced': {
          const to = folioOfView(e.to) ?? -1;
          (hugeIds.has(to) ? published : replaced).push(e.index);
          const old = folioOfView(e.from);
          if (old !== null) evicted.push({ index: e.index, folio: old });
          break;
        }
        case 'hpage.filled':
          filled.push(e.index);
          values.set(e.index, e.value);
          break;
        default:
          break;
      }
    }
    [...refDelta].slice(0, MANY).forEach(([folio, delta]) => {
      const b = placeOf(folio);
      if (b && delta !== 0) tick(b, delta, d);
    });
    if (replaced.length > MANY) {
      const b = union(replaced.map((i) => geo.slot(i)));
      if (b) flash(b, d);
    } else
      replaced.forEach((i) => {
        const b = geo.slot(i);
        if (b) flash(b, d);
      });
    // The huge page entering the cache: one object from where it was (its private bar) to its slots.
    const target = union(published.map((i) => geo.slot(i)));
    if (target) {
      if (barBefore && published.length > 1) travel(barBefore, target, 'fx-publish', d * 1.2);
      else flash(target, d);
    }
    // A lookup reference travels from the folio's slot to the thread that took it (its marker).
    taken.slice(0, MANY).forEach(({ folio, thread }) => {
      const from = placeOf(folio);
      const to = geo.thread(thread);
      if (from && to) refTravel(boxes, from, to, thread, d);
    });
    // The old pages slide out of the range as they are replaced (all at once when the huge page is
    // published): one box over their union when there are many.
    const name = (f: number) => (prev.folios[f]?.huge ? `huge ${f}` : `folio ${f}`);
    if (evicted.length > MANY) {
      const b = union(evicted.map((x) => geo.slot(x.index)));
      if (b) slideOut(boxes, b, `${evicted.length} old pages`, d);
    } else
      evicted.forEach(({ index, folio }) => {
        const b = geo.slot(index);
        if (b) slideOut(boxes, b, name(folio), d);
      });
    // Each copied value travels from its slot to its sub-page: into the private bar, or (v6.3, where the
    // huge page already sits in the cache) dropping back into the same slot, now the huge page's.
    if (filled.length > 0 && filled.length <= MANY)
      filled.forEach((i) => {
        const from = geo.slot(i);
        if (!from) return;
        const n = Math.max(1, prev.n);
        const to = bar ? { x: bar.x + (i * bar.w) / n, y: bar.y, w: Math.max(2, bar.w / n), h: bar.h } : from;
        const v = values.get(i) ?? 0;
        carry(boxes, bar ? from : { ...from, y: from.y - 40 }, to, v === 0 ? '0' : String(v), d);
      });
    else if (filled.length > 0) {
      const src = union(filled.map((i) => geo.slot(i)));
      if (bar && src) {
        const n = Math.max(1, prev.n);
        const lo = Math.min(...filled);
        const hi = Math.max(...filled);
        const sub = {
          x: bar.x + (lo * bar.w) / n,
          y: bar.y,
          w: Math.max(2, ((hi - lo + 1) * bar.w) / n),
          h: bar.h,
        };
        travel(src, sub, 'fx-copy', d);
      } else if (src) flash(src, d);
    }
  };

  return {
    update,
    clear,
    destroy() {
      clear();
      root.remove();
      boxes.remove();
    },
  };
}
