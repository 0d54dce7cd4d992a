// Keeps location.hash equal to the session (#r=<payload>), replacing the history entry (stepping does not
// fill the back button). Changes are debounced and encoded in the share worker; only the latest answer is
// written. A session too big for a link drops the hash, so a reload never restores a stale state. While a
// long link is still replaying, the address keeps that link (a reload then reopens it, not its setup).

import { useEffect } from 'react';
import { replayOf } from '../../store/index.ts';
import { linkStatus, sameSession } from '../../store/linkStatus.ts';
import { setCurrentLink } from '../share/currentLink.ts';
import { useSimStore } from '../storeContext.tsx';

const DEBOUNCE_MS = 150;
// The share worker's client loads with the first hash write, after the first paint.
const encodeLink: typeof import('../share/shareClient.ts').encodeLink = (replay) =>
  import('../share/shareClient.ts').then((m) => m.encodeLink(replay));

export function useHashSync(): void {
  const store = useSimStore();
  useEffect(() => {
    let timer = 0;
    let latest = 0;
    const replaying = () => linkStatus.getState().replaying !== null;
    const write = () => {
      if (replaying()) return;
      const mine = ++latest;
      // A session just opened from the link in the address needs no encoding: that link is its link.
      const opened = linkStatus.getState().opened;
      if (opened && sameSession(opened.session, store.getState()))
        return setCurrentLink({ ok: true, payload: opened.payload });
      void encodeLink(replayOf(store.getState())).then((r) => {
        if (mine !== latest || replaying()) return;
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
