// The invariants I1..I12 of spec §5 (and I13, issue #12), checked after every step. Each returns the violations it finds.

import type { DraftWorld } from '../tx.ts';
import type { ThreadStatus } from '../status.ts';
import { describeBlock, isQuiescent, runnableThreads, waitCycle } from '../status.ts';
import { holdersWeight } from '../tx.ts';
import type { Thread, ThreadId, Violation, World } from '../types.ts';
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

/** I5: refcount equals its holders; frozen means 0 with a freezer; nothing points at a freed folio. */
function checkRefcounts(w: World, emit: Emit): void {
  for (const f of Object.values(w.folios)) {
    if (f.frozenBy !== null) {
      if (f.refcount !== 0)
        emit('refcount', `folio ${f.id} is frozen with refcount ${f.refcount}`, [f.frozenBy], [f.index]);
      continue;
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
  w.slots.forEach((e, i) => {
    if (e.t === 'folio' && !w.folios[e.folio])
      emit('refcount', `slot ${i} points at freed folio ${e.folio}`, [], [i]);
  });
  w.proc.ptes.forEach((id, i) => {
    if (id !== null && !w.folios[id]) emit('refcount', `PTE ${i} maps freed folio ${id}`, [], [i]);
  });
}

/** I6: one owner per lock, finished threads hold nothing, no sleeping while holding a spinlock. */
function checkLocking(w: World, statuses: readonly ThreadStatus[], emit: Emit): void {
  const dead = (id: ThreadId | null) => id !== null && id >= 0 && (w.threads[id]?.done ?? true);
  for (const f of Object.values(w.folios))
    if (dead(f.locked))
      emit(
        'locking',
        `folio ${f.id} is still locked by ${name(w, f.locked ?? -1)}, which has finished`,
        [f.locked ?? -1],
        [f.index],
      );
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

/** I7: a !uptodate folio a lookup can reach is fallocated-unwritten or being instantiated. */
function checkUptodate(w: World, emit: Emit): void {
  const seen = new Set<number>();
  w.slots.forEach((e, i) => {
    if (e.t !== 'folio' || seen.has(e.folio)) return;
    seen.add(e.folio);
    const f = w.folios[e.folio];
    if (!f) return; // a dangling slot is reported by the refcount check
    if (f.uptodate || f.fallocUnwritten) return;
    const owner = f.locked === null ? undefined : w.threads[f.locked];
    if (!f.huge && owner && rolesOf(owner).instantiator) return;
    const what = f.hpageOf !== null ? `the collapse's huge page (folio ${f.id})` : `folio ${f.id}`;
    emit(
      'uptodate',
      `${what} is in the page cache at slot ${i} but not uptodate, so lookups take it for a hole`,
      f.hpageOf === null ? [] : [f.hpageOf],
      [i],
    );
  });
}

/** I8: lockless observers never see the huge page in some slots and old pages or holes in others. */
function checkAtomicSwitch(w: World, emit: Emit): void {
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
function inTreeStore(w: World): boolean {
  return (
    w.xa !== undefined &&
    w.threads.some(
      (t) => rolesOf(t).collapser !== undefined && (t.pc.startsWith('xa_store') || t.pc === 'xa_free_nodes'),
    )
  );
}

/** I9: a hole seen empty while userfaultfd MISSING was registered is never filled by collapse. */
function checkUffd(c: CheckContext, emit: Emit): void {
  const { prev, next } = c;
  // Only a collapse step can break it: other steps skip the pass over the slots.
  const t = next.threads[c.tid];
  if (!t || !rolesOf(t).collapser) return;
  next.slots.forEach((e, i) => {
    const was = prev.slots[i];
    const filled = e.t === 'folio' && (was?.t === 'empty' || was?.t === 'retry');
    if (filled && prev.ghost.emptySeenRegistered[i])
      emit(
        'uffd',
        `collapse filled hole ${i} that userfaultfd MISSING had promised to report; the monitor never hears of it`,
        [c.tid],
        [i],
      );
  });
}

/** Remembers, per slot, whether it has been observably empty while userfaultfd MISSING was registered. */
export function updateUffdGhost(prev: World, next: DraftWorld): void {
  next.ghost.emptySeenRegistered = next.slots.map((e, i) => {
    const before = prev.ghost.emptySeenRegistered[i] ?? false;
    if (e.t === 'empty') return next.proc.uffdMissing || before;
    return e.t === 'retry' ? before : false;
  });
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

export function checkInvariants(c: CheckContext): Violation[] {
  const out: Violation[] = [];
  const emit: Emit = (invariant, message, threads, slots) =>
    out.push({
      invariant,
      step: c.step,
      threads: [...new Set([c.tid, ...threads])].filter((x) => x >= 0),
      slots: [...slots],
      message,
    });
  const w = c.next;
  const t = w.threads[c.tid];
  const roles = t ? rolesOf(t) : {};
  // I1, I2 and readers' I3, at the step that completes an observer's call.
  if (t?.done && !c.prev.threads[c.tid]?.done) roles.observer?.checkCall(w, t, emit);
  if (t && roles.collapser?.commitSteps.includes(c.stepId)) checkCommit(c, t, emit);
  checkRefcounts(w, emit);
  checkLocking(w, c.statuses, emit);
  checkUptodate(w, emit);
  if (!inTreeStore(w)) checkAtomicSwitch(w, emit);
  checkUffd(c, emit);
  checkProgress(w, c.statuses, emit);
  checkBeyondEof(w, emit);
  if (isQuiescent(w)) checkAtRest(w, emit);
  return out;
}
