// The width of an element, kept current with a ResizeObserver (the grid's column count depends on it).
// It never reads layout synchronously: the observer reports after layout and before paint, so the first
// render (estimated from the window) is corrected without forcing a layout in the middle of a commit.
// The correction renders at once (flushSync), so the frame the observer reports in already paints it.

import { useLayoutEffect, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

export function useWidth(ref: RefObject<HTMLElement | null>, initial = window.innerWidth * 0.7): number {
  const [width, setWidth] = useState(initial);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => {
      // Unrounded: the grid's CSS fits its columns to the same fractional width.
      if (entry) flushSync(() => setWidth(entry.contentRect.width));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return width;
}
