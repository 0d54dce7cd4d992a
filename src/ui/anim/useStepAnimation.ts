// Connects the store's frames to the d3 overlay: one update per step taken forward, none on jumps, and
// none at all when motion is off (the overlay is cleared, the end state is already on screen).

import { useEffect, useRef, type RefObject } from 'react';
import type { Frame } from '../../store/index.ts';
import type { Box, Layout } from '../grid/geometry.ts';
import { slotBox } from '../grid/geometry.ts';
import type { StepEffects } from './effects.ts';

/** One step's effects at 1x: 800 ms, inside the 900 ms playback beat. */
export const EFFECT_MS = 800;

interface Refs {
  readonly stage: RefObject<HTMLDivElement | null>;
  readonly overlay: RefObject<SVGSVGElement | null>;
}

function relative(el: Element | null, stage: HTMLElement): Box | null {
  if (!el) return null;
  const r = el.getBoundingClientRect();
  const s = stage.getBoundingClientRect();
  return { x: r.left - s.left, y: r.top - s.top, w: r.width, h: r.height };
}

/**
 * Where a marker stands once its move is over: markers glide to a new place with a CSS transition on
 * left and top (cursors.css), so while one glides its box is in flight; the inline style is the target.
 */
function settled(el: Element | null, stage: HTMLElement): Box | null {
  const b = relative(el, stage);
  if (!b || !(el instanceof HTMLElement)) return b;
  const left = Number.parseFloat(el.style.left);
  const top = Number.parseFloat(el.style.top);
  return {
    ...b,
    x: b.x + (Number.isFinite(left) ? left - el.offsetLeft : 0),
    y: b.y + (Number.isFinite(top) ? top - el.offsetTop : 0),
  };
}

export function useStepAnimation(refs: Refs, layout: Layout, frame: Frame, motion: boolean, speed: number) {
  const effects = useRef<StepEffects | null>(null);
  const layoutRef = useRef(layout);
  const lastBar = useRef<Box | null>(null);
  useEffect(() => {
    layoutRef.current = layout;
  }, [layout]);

  useEffect(() => {
    const svg = refs.overlay.current;
    const stage = refs.stage.current;
    // d3 is loaded only once motion is wanted: it stays out of the main bundle, and a reduced-motion
    // visit never downloads it.
    if (!svg || !stage || !motion) return;
    let fx: StepEffects | null = null;
    let cancelled = false;
    void import('./effects.ts').then(({ createStepEffects }) => {
      if (cancelled) return;
      let grid: Box | null = null;
      fx = createStepEffects(svg, {
        measure: () => {
          grid = relative(stage.querySelector('[role="list"]'), stage);
        },
        slot: (i) => {
          if (!grid) return null;
          const b = slotBox(layoutRef.current, i);
          return { x: grid.x + b.x, y: grid.y + b.y, w: b.w, h: b.h };
        },
        hpageBar: () => relative(stage.querySelector('[data-hpage-bar]'), stage),
        // Where React placed the marker for the world after the step (main or compare grid), even mid-glide.
        thread: (t) =>
          settled(stage.querySelector(`[data-testid="cursor-T${t}"], [data-testid$="-cursor-T${t}"]`), stage),
      });
      effects.current = fx;
    });
    return () => {
      cancelled = true;
      fx?.destroy();
      effects.current = null;
    };
  }, [refs.overlay, refs.stage, motion]);

  useEffect(() => {
    const fx = effects.current;
    const stage = refs.stage.current;
    if (!fx || !stage || !motion) return;
    const barBefore = lastBar.current;
    lastBar.current = relative(stage.querySelector('[data-hpage-bar]'), stage);
    if (!frame.animate || !frame.prev || !frame.record) {
      fx.clear();
      return;
    }
    fx.update({
      events: frame.record.events,
      world: frame.world,
      prev: frame.prev,
      barBefore,
      duration: EFFECT_MS / speed,
    });
  }, [frame, motion, speed, refs.stage]);
}
