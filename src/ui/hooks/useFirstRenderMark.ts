// Records how long the first render took, from the mark main.tsx sets before rendering to the first
// commit, as the performance measure 'collapse-lab:first-render', and to the end of the frame that paints
// it (style, layout and paint included) as 'collapse-lab:first-paint'. Read by bench/ui/frames.ts.

import { useLayoutEffect } from 'react';

interface PostTask {
  postTask(task: () => void, options: { priority: 'user-blocking' }): Promise<void>;
}

/** Runs `task` as soon as the current frame has been painted. */
function afterPaint(task: () => void): void {
  requestAnimationFrame(() => {
    // A task posted from a frame callback runs once that frame has been painted; a user-blocking one
    // (Chrome's scheduler) runs before the page's own queued tasks, so the time is not inflated by them.
    const scheduler = (globalThis as { scheduler?: PostTask }).scheduler;
    if (scheduler) void scheduler.postTask(task, { priority: 'user-blocking' });
    else {
      const channel = new MessageChannel();
      channel.port1.onmessage = task;
      channel.port2.postMessage(null);
    }
  });
}

export function useFirstRenderMark(): void {
  useLayoutEffect(() => {
    if (performance.getEntriesByName('collapse-lab:first-render').length > 0) return;
    if (performance.getEntriesByName('collapse-lab:render-start').length === 0) return;
    performance.measure('collapse-lab:first-render', 'collapse-lab:render-start');
    afterPaint(() => performance.measure('collapse-lab:first-paint', 'collapse-lab:render-start'));
  }, []);
}
