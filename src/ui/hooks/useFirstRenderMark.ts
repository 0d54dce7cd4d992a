// Records how long the first render took, from the mark main.tsx sets before rendering to the first
// commit, as the performance measure 'collapse-lab:first-render', and to the end of the frame that paints
// it (style, layout and paint included) as 'collapse-lab:first-paint'. Read by bench/ui/frames.ts.

import { useLayoutEffect } from 'react';

export function useFirstRenderMark(): void {
  useLayoutEffect(() => {
    if (performance.getEntriesByName('collapse-lab:first-render').length > 0) return;
    if (performance.getEntriesByName('collapse-lab:render-start').length === 0) return;
    performance.measure('collapse-lab:first-render', 'collapse-lab:render-start');
    // A task posted from a frame callback runs once that frame has been painted.
    requestAnimationFrame(() => {
      const after = new MessageChannel();
      after.port1.onmessage = () =>
        performance.measure('collapse-lab:first-paint', 'collapse-lab:render-start');
      after.port2.postMessage(null);
    });
  }, []);
}
