// Page-wide keys: digits step threads, arrows and z/y move through time, p plays. Keys typed into form
// fields, and arrows inside widgets that use them (grid, timeline), are left alone.

import { useLayoutEffect } from 'react';
import { useSimStore } from '../storeContext.tsx';

const TYPING = 'input, select, textarea, [contenteditable="true"]';

export function useKeyboard(): void {
  const store = useSimStore();
  // Attached at the first commit (not after paint), so keys pressed as soon as the page shows work.
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const target = e.target instanceof Element ? e.target : null;
      // Typing, and anything inside a modal dialog (the share dialog), keeps its keys.
      if (target?.closest(TYPING) || target?.closest('dialog')) return;
      const s = store.getState();
      const ownsArrows = target?.closest('[data-own-arrows]') !== null && target !== null;
      if (/^[1-9]$/.test(e.key)) {
        s.stepThread(Number(e.key) - 1);
      } else if ((e.key === 'ArrowLeft' && !ownsArrows) || e.key === 'z') {
        s.stepBack();
      } else if (e.key === 'ArrowRight' && !ownsArrows) {
        s.next();
      } else if (e.key === 'y') {
        s.redo();
      } else if (e.key === 'p') {
        if (s.playing) s.pause();
        else s.play();
      } else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
