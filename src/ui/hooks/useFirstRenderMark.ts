// Records how long the first render took, from the mark main.tsx sets before building the store to the
// first commit, as the performance measure 'collapse-lab:first-render' (read by bench/ui/frames.ts).

import { useLayoutEffect } from 'react';

export function useFirstRenderMark(): void {
  useLayoutEffect(() => {
    if (performance.getEntriesByName('collapse-lab:first-render').length > 0) return;
    if (performance.getEntriesByName('collapse-lab:render-start').length === 0) return;
    performance.measure('collapse-lab:first-render', 'collapse-lab:render-start');
  }, []);
}
