// The invariants checked only where a step changed something (issue #16), with the previous world's
// verdicts carried: the same violations, in the same order, as checkInvariants over the whole world.
// Copy-on-write makes "unchanged" an identity test: a folio, slot entry or thread a step did not take is
// the very object the previous world had. A per-folio verdict depends on the folio and on the threads it
// names (its locker, its lookup holders); a per-slot verdict on the entry and on which folios exist.
// Anything else (locks, threads, i_size, the world at rest) is cheap and checked whole every step.

import type { Emit } from './report.ts';
import {
  checkAtomicSwitch,
  checkLockingFolio,
  checkLockingThreads,
  checkRefcountFolio,
  checkRefcountPte,
  checkRefcountSlot,
  checkStep,
  checkTail,
  checkUffdSlot,
  collapserStepped,
  emitStale,
  inTreeStore,
  staleFolio,
  uffdGhostOf,
  violationSink,
  type CheckContext,
} from './checks.ts';
import type { DraftWorld } from '../tx.ts';
import type { Folio, InvariantId, Thread, ThreadId, Violation, World } from '../types.ts';

/** A violation as a check emitted it, before the step and acting thread are added. */
interface Raw {
  readonly invariant: InvariantId;
  readonly message: string;
  readonly threads: readonly ThreadId[];
  readonly slots: readonly number[];
}

/** What the per-folio checks said of one folio (kept only when it said something). */
interface FolioVerdict {
  readonly id: number;
  readonly refcount: readonly Raw[];
  readonly locking: readonly Raw[];
  /** I7: not uptodate and not excused (reported at its first slot, if it has one). */
  readonly stale: boolean;
  /** I8: the collapse's huge page (hpageOf set). */
  readonly huge: boolean;
}

/** What a per-slot (or per-PTE) check said of one index. */
interface IndexVerdict {
  readonly i: number;
  readonly raws: readonly Raw[];
}

/** A world's verdicts, sparse (only folios and indices that said something), in check order. */
export interface Verdicts {
  readonly folios: readonly FolioVerdict[];
  readonly slots: readonly IndexVerdict[];
  readonly ptes: readonly IndexVerdict[];
  /** Some slot holds a folio with hpageOf set (I8 judges only then). */
  readonly hugeInSlots: boolean;
}

export interface IncrementalResult {
  readonly violations: Violation[];
  readonly verdicts: Verdicts;
  /** The slots whose entry is not the previous world's object, ascending. */
  readonly changedSlots: readonly number[];
}

const recorder = (into: Raw[]): Emit => {
  return (invariant, message, threads, slots) => into.push({ invariant, message, threads, slots });
};

const replay = (raws: readonly Raw[], emit: Emit): void => {
  for (const r of raws) emit(r.invariant, r.message, r.threads, r.slots);
};

/**
 * Reads a sparse list of verdicts, ascending by key, at keys asked in ascending order (one pass over
 * the list however many keys are asked): the verdict at `key`, or undefined where it said nothing.
 */
function sparseReader<T>(list: readonly T[], keyOf: (v: T) => number): (key: number) => T | undefined {
  let k = 0;
  return (key) => {
    while (k < list.length && keyOf(list[k] as T) < key) k++;
    const v = list[k];
    return v !== undefined && keyOf(v) === key ? v : undefined;
  };
}

function judgeFolio(w: World, f: Folio): FolioVerdict | null {
  const refcount: Raw[] = [];
  const locking: Raw[] = [];
  checkRefcountFolio(w, f, recorder(refcount));
  checkLockingFolio(w, f, recorder(locking));
  const stale = staleFolio(w, f);
  const huge = f.hpageOf !== null;
  return refcount.length > 0 || locking.length > 0 || stale || huge
    ? { id: f.id, refcount, locking, stale, huge }
    : null;
}

/**
 * A thread changed in what a folio's verdict reads of it: done (a finished locker or holder), its actor
 * (names, roles), and the folio it looks at or batches (usesLookup). A step that only moves the thread's
 * pc leaves the verdicts of the folios it locks or holds as they were: a collapse holding 512 locked
 * folios no longer re-judges all of them at each of its steps.
 */
function folioFacingChanged(t: Thread, before: Thread | undefined): boolean {
  if (t === before) return false;
  if (before === undefined) return true;
  if (t.done !== before.done || t.actor !== before.actor) return true;
  return t.l !== before.l && (t.l.folio !== before.l.folio || t.l.undo !== before.l.undo);
}

/** A thread the folio's verdict reads (its locker, a lookup holder) is not the previous world's. */
function namesChangedThread(f: Folio, changed: readonly boolean[]): boolean {
  if (f.locked !== null && f.locked >= 0 && changed[f.locked] !== false) return true;
  for (const h of f.holders)
    if (h.kind === 'lookup' && h.thread >= 0 && changed[h.thread] !== false) return true;
  return false;
}

/**
 * The check of `c.next` given the verdicts of `c.prev` (null: judge everything). The worlds must come
 * one from the other by a step (copy-on-write), as in step().
 */
export function checkIncremental(c: CheckContext, prevVerdicts: Verdicts | null): IncrementalResult {
  const out: Violation[] = [];
  const emit = violationSink(c, out);
  const w = c.next;
  const p = c.prev;
  const n = w.slots.length;
  const carry =
    prevVerdicts !== null &&
    p.slots.length === n &&
    p.proc.ptes.length === w.proc.ptes.length &&
    p.threads.length === w.threads.length;
  const threadChanged = w.threads.map((t, i) => !carry || folioFacingChanged(t, p.threads[i]));
  checkStep(c, emit);

  // Folios, by id (Object.values' order): rejudge a folio that changed or names a thread that did. A step
  // that took no folio left the folio map itself shared (Tx copies it on the first write): then only
  // the threads can have changed a verdict, and with none of them changed, every verdict carries over.
  const carryAllFolios = carry && w.folios === p.folios && !threadChanged.includes(true);
  const prevFolios = prevVerdicts?.folios ?? [];
  const folios: FolioVerdict[] = carryAllFolios ? [...prevFolios] : [];
  const folioBefore = sparseReader(prevFolios, (v) => v.id);
  let existenceChanged = !carry;
  const top = carryAllFolios ? 0 : Math.max(w.nextFolio, p.nextFolio);
  for (let id = 0; id < top; id++) {
    const f = w.folios[id];
    const pf = p.folios[id];
    if ((f === undefined) !== (pf === undefined)) existenceChanged = true;
    if (f === undefined) continue;
    if (carry && f === pf && !namesChangedThread(f, threadChanged)) {
      const v = folioBefore(id);
      if (v) folios.push(v);
      continue;
    }
    const v = judgeFolio(w, f);
    if (v) folios.push(v);
  }

  // Slots and PTEs: rejudge a changed index, or all of them when a folio appeared or went. Slots or
  // PTEs the step did not write are still the previous world's array (Tx copies on the first write).
  const changedSlots: number[] = [];
  const slotsShared = carry && !existenceChanged && w.slots === p.slots;
  const slots: IndexVerdict[] = slotsShared ? [...(prevVerdicts?.slots ?? [])] : [];
  const slotBefore = sparseReader(prevVerdicts?.slots ?? [], (v) => v.i);
  for (let i = 0; i < (slotsShared ? 0 : n); i++) {
    const e = w.slots[i];
    if (e === undefined) continue;
    const same = carry && e === p.slots[i];
    if (!same) changedSlots.push(i);
    if (same && !existenceChanged) {
      const v = slotBefore(i);
      if (v) slots.push(v);
      continue;
    }
    const raws: Raw[] = [];
    checkRefcountSlot(w, e, i, recorder(raws));
    if (raws.length > 0) slots.push({ i, raws });
  }
  const ptesShared = carry && !existenceChanged && w.proc.ptes === p.proc.ptes;
  const ptes: IndexVerdict[] = ptesShared ? [...(prevVerdicts?.ptes ?? [])] : [];
  const pteBefore = sparseReader(prevVerdicts?.ptes ?? [], (v) => v.i);
  if (!ptesShared)
    w.proc.ptes.forEach((id, i) => {
      if (carry && !existenceChanged && id === p.proc.ptes[i]) {
        const v = pteBefore(i);
        if (v) ptes.push(v);
        return;
      }
      const raws: Raw[] = [];
      checkRefcountPte(w, id, i, recorder(raws));
      if (raws.length > 0) ptes.push({ i, raws });
    });

  // I5, I6, I7, I8, I9 in checkInvariants' order.
  for (const v of folios) replay(v.refcount, emit);
  for (const v of slots) replay(v.raws, emit);
  for (const v of ptes) replay(v.raws, emit);
  for (const v of folios) replay(v.locking, emit);
  checkLockingThreads(w, c.statuses, emit);
  emitStaleAtFirstSlots(w, folios, emit);
  const hugeInSlots = hugeInSlotsOf(w, folios, prevVerdicts, carry, changedSlots);
  if (hugeInSlots && !inTreeStore(w)) checkAtomicSwitch(w, emit);
  if (collapserStepped(c)) for (const i of changedSlots) checkUffdSlot(c, i, emit);
  checkTail(c, emit);
  return { violations: out, verdicts: { folios, slots, ptes, hugeInSlots }, changedSlots };
}

/** I7: each stale folio at the first slot holding it, in slot order (as the pass over the slots). */
function emitStaleAtFirstSlots(w: World, folios: readonly FolioVerdict[], emit: Emit): void {
  const at: { readonly f: Folio; readonly i: number }[] = [];
  for (const v of folios) {
    const f = w.folios[v.id];
    if (!v.stale || !f) continue;
    const i = w.slots.findIndex((e) => e.t === 'folio' && e.folio === v.id);
    if (i >= 0) at.push({ f, i });
  }
  at.sort((a, b) => a.i - b.i);
  for (const { f, i } of at) emitStale(f, i, emit);
}

/** Whether a slot holds a huge page: only the changed slots can say so when none did and the candidates stay. */
function hugeInSlotsOf(
  w: World,
  folios: readonly FolioVerdict[],
  prev: Verdicts | null,
  carry: boolean,
  changedSlots: readonly number[],
): boolean {
  const huge = folios.filter((v) => v.huge).map((v) => v.id);
  if (huge.length === 0) return false;
  const holdsHuge = (i: number) => {
    const e = w.slots[i];
    return e?.t === 'folio' && huge.includes(e.folio);
  };
  const hugeBefore = prev?.folios.filter((v) => v.huge).map((v) => v.id) ?? [];
  const sameCandidates = hugeBefore.length === huge.length && hugeBefore.every((id, j) => huge[j] === id);
  if (carry && prev?.hugeInSlots === false && sameCandidates) return changedSlots.some(holdsHuge);
  return w.slots.some((_, i) => holdsHuge(i));
}

/**
 * updateUffdGhost given the slots that changed, when `prev` itself came out of step(): its ghost is then
 * already what the rule gives for its entries, and the rule gives it again for an entry that stayed
 * (empty: registered || before; retry: before; otherwise false), so only changed slots are recomputed.
 */
export function updateUffdGhostChanged(prev: World, next: DraftWorld, changedSlots: readonly number[]): void {
  const was = prev.ghost.emptySeenRegistered;
  if (next.proc.uffdMissing !== prev.proc.uffdMissing || was.length !== next.slots.length) {
    next.ghost.emptySeenRegistered = next.slots.map((e, i) => uffdGhostOf(e, next.proc.uffdMissing, prev, i));
    return;
  }
  let esr: boolean[] | null = null;
  for (const i of changedSlots) {
    const e = next.slots[i];
    if (e === undefined) continue;
    const v = uffdGhostOf(e, next.proc.uffdMissing, prev, i);
    if (v === was[i]) continue;
    esr ??= [...was];
    esr[i] = v;
  }
  // Unchanged, the previous world's array is shared: worlds handed out are never written.
  next.ghost.emptySeenRegistered = esr ?? (was as boolean[]);
}

/** Verdicts of the worlds step() made, so the next step from one of them carries them. */
const known = new WeakMap<World, Verdicts>();

export const verdictsOf = (w: World): Verdicts | null => known.get(w) ?? null;

export const rememberVerdicts = (w: World, v: Verdicts): void => {
  known.set(w, v);
};
