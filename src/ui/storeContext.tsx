// The store reaches components through context, so tests and embeds can each make their own.

import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { SimState, SimStore } from '../store/index.ts';

const StoreContext = createContext<SimStore | null>(null);

export function StoreProvider({ store, children }: { store: SimStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useSimStore(): SimStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useSim must be used inside <StoreProvider>');
  return store;
}

export function useSim<T>(selector: (s: SimState) => T): T {
  return useStore(useSimStore(), selector);
}
