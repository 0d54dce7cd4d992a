// Two hand-offs drawn on the compositor (Web Animations, transform and opacity only), beside the d3
// overlay: a lookup reference travelling from the slot to the thread that took it, and an old page sliding
// out of its slot when the huge page (or anything else) replaces it. Each box removes itself when done; the
// end state (the hold tag, the new slot) is React's, so reduced motion shows it at once.

import type { Box } from '../grid/geometry.ts';
import './handoffs.css';

const center = (b: Box) => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 });

/** A "ref" chip from the slot's folio to the thread's marker on the grid. */
export function refTravel(layer: HTMLElement, from: Box, to: Box, thread: number, d: number): HTMLElement {
  const el = document.createElement('div');
  el.className = `fx-handoff fx-ref-chip t${thread % 8}`;
  el.dataset['thread'] = String(thread);
  el.textContent = `ref T${thread}`;
  layer.append(el);
  // The chip is centred on each point (its own size is fixed in CSS: 48 x 20).
  const a = center(from);
  const b = center(to);
  const at = (p: { x: number; y: number }, s = 1) => `translate(${p.x - 24}px, ${p.y - 10}px) scale(${s})`;
  const move = el.animate(
    [
      { transform: at(a, 0.6), opacity: 0, offset: 0 },
      { transform: at(a), opacity: 1, offset: 0.2, easing: 'cubic-bezier(0.65, 0, 0.35, 1)' },
      { transform: at(b), opacity: 1, offset: 0.8 },
      { transform: at(b, 0.6), opacity: 0, offset: 1 },
    ],
    { duration: d, fill: 'forwards' },
  );
  move.onfinish = () => el.remove();
  return el;
}

/** The page that was in `slot` (or, for many slots, one box over all of them) sliding down and out. */
export function slideOut(layer: HTMLElement, slot: Box, label: string, d: number): HTMLElement {
  const el = document.createElement('div');
  el.className = 'fx-handoff fx-slide-out';
  el.textContent = label;
  Object.assign(el.style, { width: `${slot.w}px`, height: `${slot.h}px` });
  layer.append(el);
  const from = `translate(${slot.x}px, ${slot.y}px)`;
  const to = `translate(${slot.x}px, ${slot.y + Math.min(slot.h, 80) * 0.8}px)`;
  const move = el.animate(
    [
      { transform: from, opacity: 0.95, offset: 0 },
      { transform: from, opacity: 0.95, offset: 0.15, easing: 'ease-in' },
      { transform: to, opacity: 0, offset: 1 },
    ],
    { duration: d, fill: 'forwards' },
  );
  move.onfinish = () => el.remove();
  return el;
}

/** A value carried from one place to another (a copied page's data into its huge sub-page), drawn as a
 * labelled chip on the compositor, so the copy is seen as data moving, not as a flash. */
export function carry(layer: HTMLElement, from: Box, to: Box, text: string, d: number): void {
  const el = document.createElement('div');
  el.className = 'fx-chip';
  el.textContent = text;
  layer.append(el);
  const start = `translate(${from.x + from.w / 2 - 12}px, ${from.y + from.h / 2 - 12}px)`;
  const end = `translate(${to.x + to.w / 2 - 12}px, ${to.y + to.h / 2 - 12}px)`;
  // Up and over: the chip rises out of the old page before it drops into the new one.
  const lift = `translate(${(from.x + to.x) / 2 + to.w / 2 - 12}px, ${Math.min(from.y, to.y) - 34}px) scale(1.25)`;
  const move = el.animate(
    [
      { transform: start, opacity: 0, offset: 0 },
      { transform: start, opacity: 1, offset: 0.12 },
      { transform: lift, opacity: 1, offset: 0.5, easing: 'ease-in' },
      { transform: end, opacity: 1, offset: 0.85 },
      { transform: end, opacity: 0, offset: 1 },
    ],
    { duration: d, fill: 'forwards', easing: 'ease-out' },
  );
  move.onfinish = () => el.remove();
}
