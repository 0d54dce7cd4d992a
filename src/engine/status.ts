// Which threads can run, which wait and for whom (the wait-for graph of spec §5 I4).

import { ACTORS } from './actors/index.ts';
import type { StepDef } from './program.ts';
import { isDaemon } from './roles.ts';
import type { Block, Thread, ThreadId, World } from './types.ts';

export type ThreadStatus =
  { readonly t: 'runnable' } | { readonly t: 'blocked'; readonly block: Block } | { readonly t: 'done' };

export function stepOf(t: Thread): StepDef | null {
  return ACTORS[t.actor].steps[t.pc] ?? null;
}

export function threadStatus(w: World, t: Thread): ThreadStatus {
  if (t.done) return { t: 'done' };
  const s = stepOf(t);
  const block = s?.guard?.(w, t) ?? null;
  return block ? { t: 'blocked', block } : { t: 'runnable' };
}

export function threadStatuses(w: World): ThreadStatus[] {
  return w.threads.map((t) => threadStatus(w, t));
}

export function runnableThreads(w: World, statuses: readonly ThreadStatus[] = threadStatuses(w)): ThreadId[] {
  const out: ThreadId[] = [];
  statuses.forEach((s, id) => {
    if (s.t === 'runnable') out.push(id);
  });
  return out;
}

/** The threads a block waits for (EXTERNAL holders are outside the graph). */
export function waitsFor(b: Block): ThreadId[] {
  switch (b.kind) {
    case 'page-lock':
    case 'spinlock':
    case 'frozen':
    case 'retry-entry':
    case 'uffd':
      return [b.owner];
    case 'rwsem':
      return [...b.owners];
    case 'idle':
      return [];
  }
}

/** All the work is done: every thread but the daemons has finished. */
export function isQuiescent(w: World): boolean {
  return w.threads.every((t) => t.done || isDaemon(t));
}

export function describeBlock(w: World, b: Block): string {
  const who = (id: ThreadId) =>
    id < 0 ? 'someone outside the simulation' : `T${id} (${w.threads[id]?.actor ?? '?'})`;
  switch (b.kind) {
    case 'page-lock':
      return `sleeping on the lock of folio ${b.folio}, held by ${who(b.owner)}`;
    case 'spinlock':
      return `spinning on ${b.lock}, held by ${who(b.owner)}`;
    case 'rwsem':
      return `sleeping on ${b.lock}, held by ${b.owners.map(who).join(', ')}`;
    case 'frozen':
      return `spinning in a lookup of slot ${b.index}: folio ${b.folio} is frozen by ${who(b.owner)}`;
    case 'retry-entry':
      return `spinning on the retry entry in slot ${b.index} (xa_lock held by ${who(b.owner)})`;
    case 'uffd':
      return `waiting for the userfaultfd monitor ${who(b.owner)} to resolve slot ${b.index}`;
    case 'idle':
      return 'idle: no userfaultfd events to serve';
  }
}

/** A cycle in the wait-for graph among blocked threads, as the list of threads on it, or null. */
export function waitCycle(
  w: World,
  statuses: readonly ThreadStatus[] = threadStatuses(w),
): ThreadId[] | null {
  const edges = new Map<ThreadId, ThreadId[]>();
  for (const t of w.threads) {
    const s = statuses[t.id];
    if (s?.t === 'blocked') edges.set(t.id, waitsFor(s.block));
  }
  const state = new Map<ThreadId, 'open' | 'closed'>();
  const path: ThreadId[] = [];
  const visit = (v: ThreadId): ThreadId[] | null => {
    state.set(v, 'open');
    path.push(v);
    for (const u of edges.get(v) ?? []) {
      if (state.get(u) === 'open') return path.slice(path.indexOf(u));
      if (!state.has(u) && edges.has(u)) {
        const c = visit(u);
        if (c) return c;
      }
    }
    path.pop();
    state.set(v, 'closed');
    return null;
  };
  for (const v of edges.keys()) {
    if (!state.has(v)) {
      const c = visit(v);
      if (c) return c;
    }
  }
  return null;
}
