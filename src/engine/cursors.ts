// Where each thread is on the page cache, derived from a World alone: the slot it looks at next, what it
// holds there (a lookup reference, a page lock, a frozen refcount, the xa_lock over the range) and, once a
// userspace call has returned, what its answer says about the slots (the range SEEK skipped, the hole it
// reported, the slots mincore called not resident). The page draws these; it never works them out itself.

import { ACTORS } from './actors/index.ts';
import type { Answer } from './cursorRole.ts';
import { formatThread } from './setup.ts';
import type { LockName, Thread, ThreadId, World } from './types.ts';

export type { Answer } from './cursorRole.ts';

export type HoldKind = 'ref' | 'lock' | 'freeze' | 'xa_lock';

export interface Hold {
  readonly kind: HoldKind;
  /** The folio held; null for the xa_lock, which covers the whole mapping. */
  readonly folio: number | null;
  /** The slots of the page cache the hold is drawn on; empty for a folio not in the cache (private). */
  readonly slots: readonly number[];
}

export interface ThreadCursor {
  readonly thread: ThreadId;
  /** "T1 seek_data:0" */
  readonly name: string;
  /** The slot it looks at (or will look at on its next step); null when it has none now. */
  readonly at: number | null;
  /** What it does at `at`, as a verb phrase: "looks up slot 0". */
  readonly doing: string | null;
  readonly holds: readonly Hold[];
  /** Other locks it holds that have no place on the grid (inode, PTL, mmap, i_mmap). */
  readonly locks: readonly LockName[];
  readonly answer: Answer | null;
}

function folioSlots(w: World, folio: number): number[] {
  const out: number[] = [];
  w.slots.forEach((e, i) => {
    if (e.t === 'folio' && e.folio === folio) out.push(i);
  });
  return out;
}

function cursorSlot(w: World, t: Thread): number | null {
  const at = ACTORS[t.actor].cursor.at;
  if (t.done || at === 'none') return null;
  const i = at === 'scan' ? t.l.index : t.param;
  return i >= 0 && i < w.n ? i : null;
}

function holdsOf(w: World, t: Thread): Hold[] {
  const holds: Hold[] = [];
  for (const f of Object.values(w.folios)) {
    const slots = (): number[] => folioSlots(w, f.id);
    if (f.locked === t.id) holds.push({ kind: 'lock', folio: f.id, slots: slots() });
    if (f.frozenBy === t.id) holds.push({ kind: 'freeze', folio: f.id, slots: slots() });
    if (f.holders.some((h) => h.thread === t.id && (h.kind === 'lookup' || h.kind === 'gup')))
      holds.push({ kind: 'ref', folio: f.id, slots: slots() });
  }
  if (w.locks.xa === t.id)
    holds.push({ kind: 'xa_lock', folio: null, slots: Array.from({ length: w.n }, (_, i) => i) });
  return holds;
}

function otherLocks(w: World, t: Thread): LockName[] {
  const out: LockName[] = [];
  if (w.locks.inode === t.id) out.push('inode');
  if (w.locks.ptl === t.id) out.push('ptl');
  if (w.locks.mmap.writer === t.id || w.locks.mmap.readers.includes(t.id)) out.push('mmap');
  if (w.locks.iMmap.writer === t.id || w.locks.iMmap.readers.includes(t.id)) out.push('i_mmap');
  return out;
}

function answerOf(w: World, t: Thread): Answer | null {
  const answer = ACTORS[t.actor].cursor.answer;
  const result = t.result;
  return t.done && result !== null && answer ? answer(w, { ...t, result }) : null;
}

export function threadCursor(w: World, t: Thread): ThreadCursor {
  const at = cursorSlot(w, t);
  return {
    thread: t.id,
    name: `T${t.id} ${formatThread(t)}`,
    at,
    doing: at === null ? null : `${ACTORS[t.actor].cursor.verb} slot ${at}`,
    holds: holdsOf(w, t),
    locks: otherLocks(w, t),
    answer: answerOf(w, t),
  };
}

/** Every thread's cursor, in thread order. */
export function threadCursors(w: World): ThreadCursor[] {
  return w.threads.map((t) => threadCursor(w, t));
}

const HOLD_WORDS: Record<HoldKind, string> = {
  ref: 'a reference on',
  lock: 'the page lock of',
  freeze: 'the frozen refcount of',
  xa_lock: 'the xa_lock over',
};

/** "slot 0", "slots 0-3", "folio 4 (not in the cache)" */
export function slotSpan(slots: readonly number[]): string {
  if (slots.length === 0) return 'no slot';
  const first = slots[0] ?? 0;
  const last = slots[slots.length - 1] ?? first;
  const contiguous = last - first + 1 === slots.length;
  if (slots.length === 1) return `slot ${first}`;
  return contiguous ? `slots ${first}-${last}` : `slots ${slots.join(', ')}`;
}

/** One hold in words: "holds the page lock of folio 4 in slot 0". */
export function describeHold(h: Hold): string {
  const what = h.folio === null ? 'the range' : `folio ${h.folio}`;
  const where = h.folio === null ? '' : h.slots.length ? ` in ${slotSpan(h.slots)}` : ' (not in the cache)';
  return `${HOLD_WORDS[h.kind]} ${what}${where}`;
}

/** What a returned call said, in words: "SEEK_DATA(0) = ENXIO, skipping slots 0-3". */
export function answerWords(a: Answer): string {
  if (a.kind === 'seek')
    return `${a.call} = ${a.result}${a.skipped.length ? `, skipping ${slotSpan(a.skipped)}` : ''}`;
  if (a.kind === 'mincore')
    return `mincore = ${a.result}${a.absent.length ? `, ${slotSpan(a.absent)} not resident` : ''}`;
  return `read = ${a.value} from slot ${a.at}`;
}

/** The marker's accessible name: "T1 seek_data:0 looks up slot 0, holds a reference on folio 4 in slot 0". */
export function describeCursor(c: ThreadCursor): string {
  const parts = [
    c.doing ?? (c.answer ? `has returned ${answerWords(c.answer)}` : 'is not on the page cache'),
  ];
  const held = c.holds.map(describeHold);
  if (held.length) parts.push(`holds ${held.join(' and ')}`);
  return `${c.name} ${parts.join(', ')}`;
}
