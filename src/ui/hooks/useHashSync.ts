// Keeps location.hash equal to the session (#r=<payload>), replacing the history entry (stepping does not
// fill the back button). Changes are debounced and encoded in the share worker; only the latest answer is
// written. A session too big for a link drops the hash, so a reload never restores a stale state.

import { useEffect } from 'react';
import type { SimState } from '../../store/index.ts';
import { replayOf } from '../../store/index.ts';
import { setCurrentLink } from '../share/currentLink.ts';
import { useSimStore } from '../storeContext.tsx';

const DEBOUNCE_MS = 150;
// The share worker's client loads with the first hash write, after the first paint.
const encodeLink: typeof import('../share/shareClient.ts').encodeLink = (replay) =>
  import('../share/shareClient.ts').then((m) => m.encodeLink(replay));

const sameSession = (a: SimState, b: SimState) =>
  a.loaded === b.loaded &&
  a.choices === b.choices &&
  a.cursor === b.cursor &&
  a.compareVariant === b.compareVariant;

export function useHashSync(): void {
  const store = useSimStore();
  useEffect(() => {
    let timer = 0;
    let latest = 0;
    const write = () => {
      const mine = ++latest;
      void encodeLink(replayOf(store.getState())).then((r) => {
        if (mine !== latest) return;
        const { pathname, search } = window.location;
        window.history.replaceState(
          window.history.state,
          '',
          `${pathname}${search}${r.ok ? `#r=${r.payload}` : ''}`,
        );
        setCurrentLink(r);
      });
    };
    const unsubscribe = store.subscribe((s, prev) => {
      if (sameSession(s, prev)) return;
      setCurrentLink(null);
      window.clearTimeout(timer);
      timer = window.setTimeout(write, DEBOUNCE_MS);
    });
    write();
    return () => {
      unsubscribe();
      window.clearTimeout(timer);
      latest++;
    };
  }, [store]);
}
