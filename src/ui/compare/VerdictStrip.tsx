// One line per kernel at the end of its run: what userspace saw and which invariants broke
// ("v6.3: SEEK_DATA(0) = ENXIO, I1 broken" against "v6.4: SEEK_DATA(0) = 0, all hold").

import type { Verdict } from '../../store/index.ts';
import { verdictText } from '../../store/index.ts';

export function VerdictStrip({
  verdicts,
}: {
  readonly verdicts: { readonly main: Verdict; readonly other: Verdict };
}) {
  return (
    <ul className="verdict-strip" aria-label="Verdict per kernel, at the end" data-testid="verdict-strip">
      {(['main', 'other'] as const).map((side) => {
        const v = verdicts[side];
        return (
          <li
            key={side}
            className={v.broken.length || v.stuck ? 'verdict-bad' : 'verdict-good'}
            data-testid={`verdict-${side}`}
          >
            {verdictText(v)}
          </li>
        );
      })}
    </ul>
  );
}
