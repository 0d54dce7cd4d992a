// One sentence per step for the live region: who ran what, and what changed.

import { describeEvents } from '../../engine/core.ts';
import type { Frame } from '../../store/index.ts';

const MAX_PHRASES = 6;

export function narrate(frame: Frame, cursor: number, total: number): string {
  const r = frame.record;
  if (!r) return `At the start, before step 1. ${total} steps recorded.`;
  // Step numbers are 1-based on the page, as in "step 11 of 32".
  const head = `Step ${r.index + 1}: T${r.thread} ${r.label}.`;
  if (!frame.animate) return `${head} Now at step ${cursor} of ${total}.`;
  const changes = describeEvents(r.events);
  const shown = changes.slice(0, MAX_PHRASES).join('; ');
  const more = changes.length > MAX_PHRASES ? `; and ${changes.length - MAX_PHRASES} more changes` : '';
  const broke = r.violations.map((v) => ` Invariant ${v.invariant} violated: ${v.message}.`).join('');
  return `${head} ${shown ? `${shown}${more}.` : 'Nothing visible changed.'}${broke}`;
}
