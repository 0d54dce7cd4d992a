// shmem_undo_range's range helpers, shared by the flat passes (punch.ts) and the tree walks (undoWalk.ts).

import type { DraftFolio, DraftThread, Tx } from '../tx.ts';
import type { Folio, LocalsOf, Thread } from '../types.ts';

/** The locals this file's steps use (types.ts Locals): nothing else of the thread's record. */
export type PunchLocals = LocalsOf<
  'index' | 'folio' | 'start' | 'end' | 'found' | 'pass' | 'skipFrom' | 'skipTo' | 'undo' | 'xas'
>;

/** The folio lies wholly inside the range [start, end). */
export const covers = (t: Thread<PunchLocals>, f: Folio, n: number) =>
  f.index >= t.l.start && f.index + (f.huge ? n : 1) <= t.l.end;

/** folio_zero_range: zeroes the part of a large folio inside the range. */
export function zeroRange(tx: Tx, t: DraftThread<PunchLocals>, f: DraftFolio): void {
  for (let i = Math.max(t.l.start, f.index); i < Math.min(t.l.end, f.index + tx.w.n); i++) {
    f.data[i - f.index] = 0;
    tx.ev.push({ type: 'page.written', folio: f.id, index: i, value: 0 });
  }
}

/** Zeroes the part of a large folio inside the range, which then stays, cut out of pass 2 (no split). */
export function zeroCovered(tx: Tx, t: DraftThread<PunchLocals>, f: DraftFolio): void {
  zeroRange(tx, t, f);
  t.l.skipFrom = f.index;
  t.l.skipTo = f.index + tx.w.n;
}

/** The first index at or after i that pass 2 visits (a large folio cut out by the partial step is skipped). */
export const skipCut = (t: Thread<PunchLocals>, i: number) =>
  i >= t.l.skipFrom && i < t.l.skipTo ? t.l.skipTo : i;
