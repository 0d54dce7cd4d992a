// Threads are step programs: each step is one atomic action of the spec's step tables.

import type { CursorRole } from './cursorRole.ts';
import type { SrcAnchor } from './sources.ts';
import type { DraftThread, Tx } from './tx.ts';
import { folioOf } from './tx.ts';
import type { Emit } from './invariants/report.ts';
import type { ActorKind, Block, Locals, Thread, ThreadId, World } from './types.ts';
import type { VariantFlags } from './variants.ts';

/** One way a step can go, named as the kernel names it at that version (the record carries it). */
export interface Branch {
  readonly label: string | ((flags: VariantFlags) => string);
  /** The statement this branch runs, when it is not the step's own. */
  readonly src?: SrcAnchor;
}

/** A thread of the draft whose next step is one of its program's step ids (or done); L: its locals. */
export type ActorThread<S extends string, L = Locals> = Omit<DraftThread<L>, 'pc'> & { pc: S | 'done' };

/**
 * One step of an actor's program; S is the program's step ids, so a step names only real successors, and L
 * its locals, so a step reads and writes only the fields its actor declares.
 */
export interface StepDef<S extends string = string, L = Locals> {
  /** Short kernel-style name, e.g. `page_ref_freeze(page, 3)`. */
  readonly label: string;
  /** A sharper label for one kernel variant, where the code differs (e.g. freeze vs count check). */
  readonly labelFor?: (flags: VariantFlags) => string;
  /** One-line paraphrase of what the step does. */
  readonly text: string;
  readonly src: SrcAnchor;
  /**
   * The branches the step's run can take (it reports the one it took with `took`); the step's record
   * then carries that branch's label and source instead of the step's.
   */
  readonly branches?: Readonly<Record<string, Branch>>;
  /** Why the step cannot run now, or null when it can. Pure. */
  readonly guard?: (w: World, t: Thread<L>) => Block | null;
  /**
   * The step reads and writes only this thread's private state (its locals, or an object nobody else
   * can reach yet), never finishes the thread, and no invariant looks at what it changes. The explorer's
   * reduction may then run it first without losing any behaviour.
   */
  readonly local?: (w: World, t: Thread<L>) => boolean;
  /** The atomic action. Mutates the draft and sets t.pc (or t.done). (A method: StepDef<S> is a StepDef.) */
  run(tx: Tx, t: ActorThread<S, L>): void;
}

/**
 * What an actor is, for the code that reasons about every actor (invariants, status, setup, run): it reads
 * these roles and never tests actor names. An actor with no roles is an ordinary kernel path.
 */
export interface ActorRoles<L = Locals> {
  /** A lockless observer whose one call is judged against what the file held for the whole call. */
  readonly observer?: ObserverRole<L>;
  /** It instantiates pages: a small !uptodate page it holds locked is being filled in, not a hole (I7). */
  readonly instantiator?: true;
  /** A daemon: started by the setup itself, serves others forever, idle is not stuck, never named by users. */
  readonly daemon?: DaemonRole;
  /** The collapse: the old pages it collects, the steps that publish its huge page, its success. */
  readonly collapser?: CollapserRole<L>;
}

export interface ObserverRole<L = Locals> {
  /**
   * Per slot, the premise tracked from the call's first step (observers.ts): `data`, the slot held data;
   * `resident`, its data stayed in memory (mincore); `value`, the values the slot's page held (read).
   */
  readonly premise: 'data' | 'resident' | 'value';
  /** Judges the finished call against the premise (I1, I2, readers' I3). */
  readonly checkCall: (w: World, t: Thread<L>, emit: Emit) => void;
}

export interface DaemonRole {
  /** Whether a setup needs this daemon (it is added after the user's threads). */
  readonly neededBy: (setup: {
    readonly slots: { readonly uffd: boolean };
    readonly threads: readonly { readonly actor: ActorKind }[];
  }) => boolean;
  /** What it serves: a thread waiting on that is waiting for this daemon (fault's uffd_wait names it). */
  readonly serves?: 'userfaultfd';
}

export interface CollapserRole<L = Locals> {
  /** Steps after which the huge page is published: I3 checks its contents there. */
  readonly commitSteps: readonly string[];
  /** The collapse finished and replaced the old pages (I11, I12 then apply). */
  readonly succeeded: (t: Thread<L>) => boolean;
  /** The huge page this collapse allocated, or null before the allocation. */
  readonly hugePage: (t: Thread<L>) => number | null;
  /** Old pages the collapse holds (its pagelist, the page in hand): their data is still in memory. */
  readonly heldPages: (t: Thread<L>) => readonly number[];
}

/**
 * An actor: its steps and roles, typed by its locals L (`LocalsOf<...>`: the fields of Locals it uses), so
 * the compiler stops it reading another actor's fields. The registry holds every program as the generic
 * ActorProgram (all of Locals), which any ActorProgram<L> is.
 */
export interface ActorProgram<L = Locals> {
  readonly kind: ActorKind;
  readonly roles?: ActorRoles<L>;
  /** How the page draws it on the page cache (cursorRole.ts). */
  readonly cursor: CursorRole<L>;
  /** What the parameter means, for messages and the UI (null: the actor takes none). */
  readonly param: { readonly name: string; readonly min: number; readonly max: (n: number) => number } | null;
  readonly steps: Readonly<Record<string, StepDef<string, L>>>;
  readonly entry: string;
  /** The first step on a model version, where it differs from `entry` (modelVersion.ts). */
  readonly entryOn?: (model: number) => string;
  /**
   * Step ids in reading order for this kernel variant (what a thread pane lists); `xa`: a `|xa` setup;
   * `model`: the model version (modelVersion.ts; default 1).
   */
  readonly listing: (flags: VariantFlags, xa?: boolean, model?: number) => readonly string[];
}

/** The step's label on a variant. */
export function stepLabel(def: StepDef<string, never>, flags: VariantFlags): string {
  return def.labelFor?.(flags) ?? def.label;
}

/** The label and source of a step, or of the branch it took, on a variant. */
export function branchLabel(
  def: StepDef<string, never>,
  flags: VariantFlags,
  branch: string | undefined,
): string {
  const b = branch === undefined ? undefined : def.branches?.[branch];
  if (!b) return stepLabel(def, flags);
  return typeof b.label === 'string' ? b.label : b.label(flags);
}

export function branchSource(def: StepDef<string, never>, branch: string | undefined): SrcAnchor {
  return (branch === undefined ? undefined : def.branches?.[branch]?.src) ?? def.src;
}

/** Reports the branch this step's run takes (the first event of a step is its `thread.stepped`). */
export function took(tx: Tx, branch: string): void {
  const first = tx.ev[0];
  if (first?.type === 'thread.stepped' && first.thread === tx.tid) tx.ev[0] = { ...first, branch };
}

/** Marks the thread finished with its result. */
export function finish(tx: Tx, t: DraftThread<unknown>, result: string): void {
  t.done = true;
  t.pc = 'done';
  t.result = result;
  tx.ev.push({ type: 'thread.finished', thread: t.id, result });
}

export function observe(tx: Tx, t: DraftThread<unknown>, what: string, value: string): void {
  tx.ev.push({ type: 'thread.observed', thread: t.id, what, value });
}

// --- guards ---------------------------------------------------------------------------------------------

export function spinFree(w: World, lock: 'xa_lock' | 'ptl', me: ThreadId): Block | null {
  const owner = lock === 'xa_lock' ? w.locks.xa : w.locks.ptl;
  return owner !== null && owner !== me ? { kind: 'spinlock', lock, owner } : null;
}

export function inodeFree(w: World, me: ThreadId): Block | null {
  const o = w.locks.inode;
  return o !== null && o !== me ? { kind: 'rwsem', lock: 'inode', owners: [o] } : null;
}

export function rwFree(
  w: World,
  lock: 'i_mmap' | 'mmap',
  mode: 'read' | 'write',
  me: ThreadId,
): Block | null {
  const rw = lock === 'i_mmap' ? w.locks.iMmap : w.locks.mmap;
  const owners = [
    ...(rw.writer !== null && rw.writer !== me ? [rw.writer] : []),
    ...(mode === 'write' ? rw.readers.filter((r) => r !== me) : []),
  ];
  return owners.length > 0 ? { kind: 'rwsem', lock, owners } : null;
}

export function pageLockFree(w: World, folio: number, me: ThreadId): Block | null {
  const f = folioOf(w, folio);
  return f.locked !== null && f.locked !== me ? { kind: 'page-lock', folio, owner: f.locked } : null;
}

/** Combines guards: the first that blocks wins. */
export function firstBlock(...blocks: (Block | null)[]): Block | null {
  for (const b of blocks) if (b) return b;
  return null;
}
