// Animation runs only if the OS allows it (prefers-reduced-motion) and the user's switch is on.

import { useSyncExternalStore } from 'react';
import { useSim } from '../storeContext.tsx';

const QUERY = '(prefers-reduced-motion: reduce)';

function subscribe(onChange: () => void) {
  const mq = window.matchMedia(QUERY);
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
}

export function useOsReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(QUERY).matches);
}

export function useMotion(): boolean {
  const user = useSim((s) => s.motion);
  const osReduced = useOsReducedMotion();
  return user && !osReduced;
}
