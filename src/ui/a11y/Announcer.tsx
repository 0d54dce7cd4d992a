// A polite live region: screen readers hear each step without losing their place.

import { useSim } from '../storeContext.tsx';
import { narrate } from './narrate.ts';

export function Announcer() {
  const frame = useSim((s) => s.frame);
  const cursor = useSim((s) => s.cursor);
  const total = useSim((s) => s.choices.length);
  const notice = useSim((s) => s.notice);
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {notice ?? narrate(frame, cursor, total)}
    </div>
  );
}
