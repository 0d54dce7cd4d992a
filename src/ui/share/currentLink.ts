// The link of the session on screen, as last encoded by useHashSync: null while a change is being encoded,
// so nothing offers a stale link. Components read it with useCurrentLink().

import { useSyncExternalStore } from 'react';
import type { EncodedState } from '../../store/index.ts';

let current: EncodedState | null = null;
const listeners = new Set<() => void>();

export function setCurrentLink(next: EncodedState | null): void {
  if (next === current) return;
  current = next;
  for (const l of listeners) l();
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useCurrentLink(): EncodedState | null {
  return useSyncExternalStore(subscribe, () => current);
}
