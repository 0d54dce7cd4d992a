// The invariants I1..I12 of spec §5 (and I13, issue #12), checked after every step. Each returns the violations it finds.

import type { DraftWorld } from '../tx.ts';
import type { ThreadStatus } from '../status.ts';
import { describeBlock, isQuiescent, runnableThreads, waitCycle } from '../status.ts';
import { holdersWeight } from '../tx.ts';
import type { Entry, Folio, Thread, ThreadId, Violation, World } from '../types.ts';
import { rolesOf } from '../roles.ts';
import { name, type Emit } from './report.ts';
import { checkAtRest } from './atRest.ts';
import { checkBeyondEof } from './beyondEof.ts';

export interface CheckContext {
  readonly prev: World;
  readonly next: World;
  /** The thread that stepped, and the id of the step it took. */
  readonly tid: ThreadId;
  readonly stepId: string;
  /** Index of this step in the run (0-based). */
  readonly step: number;
  /** threadStatus of every thread of `next`, computed once by step(). */
  readonly statuses: readonly ThreadStatus[];
}

/** I3 at the commit step: every sub-page holds what its slot held when collapse locked it. */
function checkCommit(c: CheckContext, t: Thread, emit: Emit): void {
  const h = t.l.hpage === null ? undefined : c.next.folios[t.l.hpage];
  if (!h) return;
  const bad = h.data.flatMap((v, i) => (t.l.expected[i] !== -1 && t.l.expected[i] !== v ? [i] : []));
  if (bad.length > 0)
    emit('data', `the huge page is published with wrong contents in sub-page ${bad.join(', ')}`, [t.id], bad);
}

/** The thread holds folio id for its lookup: the one it looks at, or (`|xa` punch/truncate) in its batch. */
const usesLookup = (t: Thread | undefined, id: number) =>
  t !== undefined && (t.l.folio === id || (t.l.undo?.entries.some((e) => e.folio === id) ?? false));

/** I5 for one folio: refcount equals its holders; frozen means 0 with a freezer; lookups still in use. */
export function checkRefcountFolio(w: World, f: Folio, emit: Emit): void {
  if (f.frozenBy !== null) {
    if (f.refcount !== 0)
      emit('refcount', `folio ${f.id} is frozen with refcount ${f.refcount}`, [f.frozenBy], [f.index]);
    return;
  }
  const sum = holdersWeight(f.holders);
  if (sum !== f.refcount || f.refcount <= 0)
    emit(
      'refcount',
      `folio ${f.id} has refcount ${f.refcount} but its holders add up to ${sum}`,
      [],
      [f.index],
    );
  for (const h of f.holders) {
    if (h.kind === 'lookup' && !usesLookup(w.threads[h.thread], f.id))
      emit(
        'refcount',
        `folio ${f.id} has a lookup reference from ${name(w, h.thread)}, which no longer uses it`,
        [h.thread],
        [f.index],
      );
  }
}

/** I5 for one slot: it does not point at a freed folio. */
export function checkRefcountSlot(w: World, e: Entry, i: number, emit: Emit): void {
  if (e.t === 'folio' && !w.folios[e.folio])
    emit('refcount', `slot ${i} points at freed folio ${e.folio}`, [], [i]);
}

/** I5 for one PTE: it does not map a freed folio. */
export function checkRefcountPte(w: World, id: number | null, i: number, emit: Emit): void {
  if (id !== null && !w.folios[id]) emit('refcount', `PTE ${i} maps freed folio ${id}`, [], [i]);
}

/** I5: refcount equals its holders; frozen means 0 with a freezer; nothing points at a freed folio. */
function checkRefcounts(w: World, emit: Emit): void {
  for (const f of Object.values(w.folios)) checkRefcountFolio(w, f, emit);
  w.slots.forEach((e, i) => checkRefcountSlot(w, e, i, emit));
  w.proc.ptes.forEach((id, i) => checkRefcountPte(w, id, i, emit));
}

/** A thread that has finished (or does not exist) holding something. */
const deadHolder = (w: World, id: ThreadId | null) => id !== null && id >= 0 && (w.threads[id]?.done ?? true);

/** I6 for one folio: it is not locked by a thread that has finished. */
export function checkLockingFolio(w: World, f: Folio, emit: Emit): void {
  if (deadHolder(w, f.locked))
    emit(
      'locking',
      `folio ${f.id} is still locked by ${name(w, f.locked ?? -1)}, which has finished`,
      [f.locked ?? -1],
      [f.index],
    );
}

/** I6: one owner per lock, finished threads hold nothing, no sleeping while holding a spinlock. */
function checkLocking(w: World, statuses: readonly ThreadStatus[], emit: Emit): void {
  for (const f of Object.values(w.folios)) checkLockingFolio(w, f, emit);
  checkLockingThreads(w, statuses, emit);
}

/** I6 beyond the folios: the locks and the sleeping threads (a handful of each). */
export function checkLockingThreads(w: World, statuses: readonly ThreadStatus[], emit: Emit): void {
  const dead = (id: ThreadId | null) => deadHolder(w, id);
  const l = w.locks;
  for (const [lock, readers] of [
    ['i_mmap', l.iMmap.readers],
    ['mmap_lock', l.mmap.readers],
  ] as const)
    for (const r of readers.filter(dead))
      emit('locking', `${lock} is still held for reading by ${name(w, r)}, which has finished`, [r], []);
  for (const [lock, owner] of [
    ['xa_lock', l.xa],
    ['PTL', l.ptl],
    ['inode lock', l.inode],
    ['i_mmap', l.iMmap.writer],
    ['mmap_lock', l.mmap.writer],
  ] as const)
    if (dead(owner))
      emit(
        'locking',
        `${lock} is still held by ${name(w, owner ?? -1)}, which has finished`,
        [owner ?? -1],
        [],
      );
  for (const t of w.threads) {
    const s = statuses[t.id];
    if (s?.t !== 'blocked') continue;
    const sleeps = s.block.kind === 'page-lock' || s.block.kind === 'rwsem' || s.block.kind === 'uffd';
    const spin = l.xa === t.id ? 'xa_lock' : l.ptl === t.id ? 'the PTL' : null;
    if (sleeps && spin)
      emit(
        'locking',
        `T${t.id} ${t.actor} sleeps (${describeBlock(w, s.block)}) while holding ${spin}`,
        [t.id],
        [],
      );
  }
}

/** I7 for one folio: not uptodate, not fallocated-unwritten, not being instantiated (judged where it sits). */
export function staleFolio(w: World, f: Folio): boolean {
  if (f.uptodate || f.fallocUnwritten) return false;
  const owner = f.locked === null ? undefined : w.threads[f.locked];
  return f.huge || !owner || !rolesOf(owner).instantiator;
}

/** I7's report for a stale folio at its first slot. */
export function emitStale(f: Folio, i: number, emit: Emit): void {
  const what = f.hpageOf !== null ? `the collapse's huge page (folio ${f.id})` : `folio ${f.id}`;
  emit(
    'uptodate',
    `${what} is in the page cache at slot ${i} but not uptodate, so lookups take it for a hole`,
    f.hpageOf === null ? [] : [f.hpageOf],
    [i],
  );
}

/** I7: a !uptodate folio a lookup can reach is fallocated-unwritten or being instantiated. */
function checkUptodate(w: World, emit: Emit): void {
  const seen = new Set<number>();
  w.slots.forEach((e, i) => {
    if (e.t !== 'folio' || seen.has(e.folio)) return;
    seen.add(e.folio);
    const f = w.folios[e.folio];
    if (!f) return; // a dangling slot is reported by the refcount check
    if (staleFolio(w, f)) emitStale(f, i, emit);
  });
}

/** I8: lockless observers never see the huge page in some slots and old pages or holes in others. */
export function checkAtomicSwitch(w: World, emit: Emit): void {
  const hp = w.slots.find((e) => e.t === 'folio' && (w.folios[e.folio]?.hpageOf ?? null) !== null);
  if (!hp || hp.t !== 'folio') return;
  const mixed = w.slots.flatMap((e, i) =>
    e.t === 'retry' || (e.t === 'folio' && e.folio === hp.folio) ? [] : [i],
  );
  if (mixed.length > 0)
    emit(
      'atomic-switch',
      `the huge page is visible in part of the range while slot ${mixed.join(', ')} still hold the old state`,
      [w.folios[hp.folio]?.hpageOf ?? -1],
      mixed,
    );
}

/**
 * `|xa`: the multi-index store is one xa_lock section the tree models write by write (each published
 * slot shows the huge page to a fresh lookup at once); I8 judges the flat view between such sections,
 * and I1 judges the walkers that meet the writes.
 */
export function inTreeStore(w: World): boolean {
  return (
    w.xa !== undefined &&
    w.threads.some(
      (t) => rolesOf(t).collapser !== undefined && (t.pc.startsWith('xa_store') || t.pc === 'xa_free_nodes'),
    )
  );
}

/** I9: a hole seen empty while userfaultfd MISSING was registered is never filled by collapse. */
function checkUffd(c: CheckContext, emit: Emit): void {
  // Only a collapse step can break it: other steps skip the pass over the slots.
  if (!collapserStepped(c)) return;
  c.next.slots.forEach((_, i) => checkUffdSlot(c, i, emit));
}

/** The step was a collapser's, the only kind that can break I9. */
export function collapserStepped(c: CheckContext): boolean {
  const t = c.next.threads[c.tid];
  return t !== undefined && rolesOf(t).collapser !== undefined;
}

/** I9 for one slot (only a slot whose entry changed can be a filled hole). */
export function checkUffdSlot(c: CheckContext, i: number, emit: Emit): void {
  const e = c.next.slots[i];
  const was = c.prev.slots[i];
  const filled = e?.t === 'folio' && (was?.t === 'empty' || was?.t === 'retry');
  if (filled && c.prev.ghost.emptySeenRegistered[i])
    emit(
      'uffd',
      `collapse filled hole ${i} that userfaultfd MISSING had promised to report; the monitor never hears of it`,
      [c.tid],
      [i],
    );
}

/** Remembers, per slot, whether it has been observably empty while userfaultfd MISSING was registered. */
export function updateUffdGhost(prev: World, next: DraftWorld): void {
  next.ghost.emptySeenRegistered = next.slots.map((e, i) => uffdGhostOf(e, next.proc.uffdMissing, prev, i));
}

/** One slot's I9 ghost after a step, from its entry and the slot's ghost before. */
export function uffdGhostOf(e: Entry, uffdMissing: boolean, prev: World, i: number): boolean {
  const before = prev.ghost.emptySeenRegistered[i] ?? false;
  if (e.t === 'empty') return uffdMissing || before;
  return e.t === 'retry' ? before : false;
}

/** I4: no cycle in the wait-for graph, and someone can always run until the work is done. */
function checkProgress(w: World, statuses: readonly ThreadStatus[], emit: Emit): void {
  const cycle = waitCycle(w, statuses);
  if (cycle) {
    const how = cycle.map((id) => {
      const s = statuses[id];
      return `T${id} ${w.threads[id]?.actor ?? '?'} is ${s?.t === 'blocked' ? describeBlock(w, s.block) : 'running'}`;
    });
    emit('progress', `deadlock: ${how.join('; ')}`, cycle, []);
    return;
  }
  if (isQuiescent(w) || runnableThreads(w, statuses).length > 0) return;
  const stuck = w.threads.filter((t) => !t.done && statuses[t.id]?.t === 'blocked');
  emit(
    'progress',
    `no thread can run: ${stuck
      .map((t) => {
        const s = statuses[t.id] ?? { t: 'done' };
        return `T${t.id} ${t.actor} is ${s.t === 'blocked' ? describeBlock(w, s.block) : s.t}`;
      })
      .join('; ')}`,
    stuck.map((t) => t.id),
    [],
  );
}

/** The emit of a check: a violation at this step, its threads led by the one that stepped. */
export function violationSink(c: CheckContext, out: Violation[]): Emit {
  return (invariant, message, threads, slots) =>
    out.push({
      invariant,
      step: c.step,
      threads: [...new Set([c.tid, ...threads])].filter((x) => x >= 0),
      slots: [...slots],
      message,
    });
}

/** The checks that judge the step itself (an observer's finished call, the commit), before the rest. */
export function checkStep(c: CheckContext, emit: Emit): void {
  const w = c.next;
  const t = w.threads[c.tid];
  const roles = t ? rolesOf(t) : {};
  // I1, I2 and readers' I3, at the step that completes an observer's call.
  if (t?.done && !c.prev.threads[c.tid]?.done) roles.observer?.checkCall(w, t, emit);
  if (t && roles.collapser?.commitSteps.includes(c.stepId)) checkCommit(c, t, emit);
}

/** The checks after I9, over threads and i_size (cheap at any N), and those at rest. */
export function checkTail(c: CheckContext, emit: Emit): void {
  const w = c.next;
  checkProgress(w, c.statuses, emit);
  checkBeyondEof(w, emit);
  if (isQuiescent(w)) checkAtRest(w, emit);
}

/** Every invariant over the whole world: the reference the incremental check (incremental.ts) equals. */
export function checkInvariants(c: CheckContext): Violation[] {
  const out: Violation[] = [];
  const emit = violationSink(c, out);
  const w = c.next;
  checkStep(c, emit);
  checkRefcounts(w, emit);
  checkLocking(w, c.statuses, emit);
  checkUptodate(w, emit);
  if (!inTreeStore(w)) checkAtomicSwitch(w, emit);
  checkUffd(c, emit);
  checkTail(c, emit);
  return out;
}
