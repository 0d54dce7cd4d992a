// Below-the-fold panels (the timeline's chips, the thread panes, the legend) are left out of the page's
// first commit and rendered right after it, as a transition: the first paint shows the race sooner and a
// user's input during that render still wins. Afterwards they update with every step like everything else.

import { startTransition, useEffect, useState } from 'react';

export function useDeferredMount(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    startTransition(() => setReady(true));
  }, []);
  return ready;
}
