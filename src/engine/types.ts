// The simulator's plain-data model (spec §1). No classes, no functions: a World serialises as JSON
// and two equal Worlds behave the same on every machine.

import type { ActorKind } from './actors/index.ts';
import type { KernelId, VariantFlags } from './variants.ts';
import type { UndoBatch, XasPos, XaTree } from './xarray/types.ts';

/** A thread index, or EXTERNAL for a holder that lives outside the simulated threads (setup pins). */
export type ThreadId = number;
export const EXTERNAL: ThreadId = -1;

/** What one page-cache slot holds (spec §1.1). */
export type Entry =
  | { readonly t: 'empty' }
  | { readonly t: 'folio'; readonly folio: number }
  | { readonly t: 'swap'; readonly value: number }
  | { readonly t: 'retry' };

/**
 * Who holds a reference (spec §1.2). `lookup`, `gup`, `pin` and `pin-ext` carry the holding thread.
 * A pin counts GUP_PIN_COUNTING_BIAS (1024) toward the refcount; every other holder counts 1.
 */
export type HolderKind =
  | 'cache'
  | 'pte'
  | 'pmd'
  | 'collapse-pin'
  | 'isolation'
  | 'lru-batch'
  | 'lookup'
  | 'gup'
  | 'pin'
  | 'hpage-alloc';
export interface Holder {
  readonly kind: HolderKind;
  readonly thread: ThreadId;
}
export const PIN_BIAS = 1024;

export interface Folio {
  readonly id: number;
  /** The collapse's compound page covering all N slots; otherwise an order-0 page. */
  readonly huge: boolean;
  /** First page index it covers. */
  readonly index: number;
  readonly locked: ThreadId | null;
  readonly uptodate: boolean;
  readonly dirty: boolean;
  readonly lru: boolean;
  /** folio->mapping == the file; cleared when removed from the cache. */
  readonly mapped: boolean;
  readonly frozenBy: ThreadId | null;
  /** The counter the kernel reads; kept apart from holders so I5 can check they agree. */
  readonly refcount: number;
  readonly holders: readonly Holder[];
  readonly mapcount: number;
  /** Abstract contents per sub-page (1 for a small page, N for the huge page); 0 means zeros. */
  readonly data: readonly number[];
  /** Ghost: sub-page i holds the file's data for its index (a copied or zeroed hpage sub-page). */
  readonly valid: readonly boolean[];
  /** Ghost: created by fallocate and never written (shmem's !uptodate "hole" page). */
  readonly fallocUnwritten: boolean;
  /** Ghost: an old page a collapse collected and has not put back (I12 looks only at these). */
  readonly collected: boolean;
  /** The collapse thread that allocated this huge page, if any. */
  readonly hpageOf: ThreadId | null;
}

export type LockName = 'xa_lock' | 'ptl' | 'i_mmap' | 'inode' | 'mmap';
export interface RwLock {
  readonly writer: ThreadId | null;
  readonly readers: readonly ThreadId[];
}
export interface Locks {
  readonly xa: ThreadId | null;
  readonly ptl: ThreadId | null;
  readonly inode: ThreadId | null;
  readonly iMmap: RwLock;
  readonly mmap: RwLock;
}

export type Pmd = 'table' | 'none' | 'huge';
export interface Process {
  /** PTEs of the one page table covering the range: a folio id or null (pte_none). */
  readonly ptes: readonly (number | null)[];
  readonly pmd: Pmd;
  /** The folio the PMD maps when pmd == 'huge'. */
  readonly pmdFolio: number | null;
  /** VMA registered with UFFDIO_REGISTER_MODE_MISSING. */
  readonly uffdMissing: boolean;
}

export interface UffdEvent {
  readonly thread: ThreadId;
  readonly index: number;
}

/**
 * Per-thread program counter and locals. `L` is the view of the locals a piece of code may use: an actor's
 * program declares its own (`ActorProgram<L>`, `LocalsOf`), so its steps cannot read another actor's
 * fields; generic code (step, clone, the encoding) sees the whole record, `Locals`.
 */
export interface Thread<L = Locals> {
  readonly id: ThreadId;
  readonly actor: ActorKind;
  readonly param: number;
  readonly pc: string;
  readonly done: boolean;
  /** Actor-specific outcome (SCAN_* for collapse, the SEEK offset, the mincore vector...). */
  readonly result: string | null;
  readonly l: L;
}

/**
 * Every actor's locals in one plain record, so step(), the clone and the encoding stay generic and every
 * thread serialises alike (a thread carries the defaults of the fields its actor does not declare).
 * Actors see only their own view of it (LocalsOf).
 */
export interface Locals {
  /** Loop cursor (collapse index, scan position, pass position). */
  readonly index: number;
  /** The folio this thread currently holds a reference or lock on. */
  readonly folio: number | null;
  /** Collapse: the new huge page. */
  readonly hpage: number | null;
  /** Collapse: the old pages collected, in index order. */
  readonly pagelist: readonly number[];
  readonly nrNone: number;
  readonly nrNoneCheck: number;
  /** Collapse: SCAN_* result so far. */
  readonly scan: string;
  /** Collapse (v6.4-rc1): the xarray cursor was reset and will re-read the previous index. */
  readonly staleCursor: boolean;
  /** Collapse: per index, the value the hpage must hold at commit (I3); -1 not yet known. */
  readonly expected: readonly number[];
  /** Observations: mincore vector, SEEK offset, value read. */
  readonly vec: readonly number[];
  readonly value: number;
  /** Ghost for I1/I2: which slots satisfied the premise for the whole call so far. */
  readonly throughout: readonly boolean[];
  /** Punch/truncate: range and pass state. */
  readonly start: number;
  readonly end: number;
  readonly found: boolean;
  readonly pass: number;
  /** Punch/truncate: index range of a large folio cut out of pass 2 by the partial-page step. */
  readonly skipFrom: number;
  readonly skipTo: number;
  /** `|xa` only: a lockless walker's xa_state (node and offset in the tree; its index is `index`). */
  readonly xas?: XasPos;
  /** `|xa` only: punch/truncate's folio batch and shmem_undo_range's cursor (xarray/types.ts). */
  readonly undo?: UndoBatch;
}

/** The locals an actor (or a helper shared by several) declares: its view of Locals. */
export type LocalsOf<K extends keyof Locals> = Pick<Locals, K>;
/** An observer's ghost (observers.ts): the one part of another thread's locals a step may write. */
export type ObservationLocals = LocalsOf<'vec' | 'throughout'>;

/** An actor's name: a key of the actor registry (actors/index.ts), never a list kept by hand. */
export type { ActorKind };

/** Ghost state used only by invariants (spec §5): what a read() of each slot should return. */
export interface Ghost {
  readonly logical: readonly number[];
  readonly hasData: readonly boolean[];
  /** I9: slot was observably EMPTY while the VMA had UFFD_MISSING. */
  readonly emptySeenRegistered: readonly boolean[];
}

export interface World {
  readonly n: number;
  /** The kernel, as its canonical string (kernelSpec.ts). */
  readonly variant: KernelId;
  /** Its flags, resolved once by createWorld (constant over a run and a search): read them with flagsOf. */
  readonly flags: VariantFlags;
  /** The model version this world runs (modelVersion.ts): behaviour added later is gated on it. */
  readonly model: number;
  /** File size in pages. */
  readonly iSize: number;
  readonly slots: readonly Entry[];
  readonly folios: Readonly<Record<number, Folio>>;
  readonly nextFolio: number;
  readonly nextValue: number;
  readonly nrpages: number;
  readonly locks: Locks;
  readonly proc: Process;
  /** Per-CPU lru_add batches; a thread runs on its own CPU (cpu == thread id). */
  readonly lruBatch: readonly { readonly cpu: ThreadId; readonly folio: number }[];
  readonly uffdQueue: readonly UffdEvent[];
  readonly threads: readonly Thread[];
  readonly ghost: Ghost;
  /** Steps taken so far. */
  readonly clock: number;
  /** `|xa=C` only: the xarray beneath the slots; `slots` stays its flat view (what a fresh lookup finds). */
  readonly xa?: XaTree;
}

/** Why a thread cannot take its next step now (spec §5 I4 names the wait-for edges). */
export type Block =
  | { readonly kind: 'page-lock'; readonly folio: number; readonly owner: ThreadId }
  | { readonly kind: 'spinlock'; readonly lock: LockName; readonly owner: ThreadId }
  | { readonly kind: 'rwsem'; readonly lock: LockName; readonly owners: readonly ThreadId[] }
  | { readonly kind: 'frozen'; readonly folio: number; readonly index: number; readonly owner: ThreadId }
  | { readonly kind: 'retry-entry'; readonly index: number; readonly owner: ThreadId }
  | { readonly kind: 'uffd'; readonly index: number; readonly owner: ThreadId }
  | { readonly kind: 'idle' };

export interface SourceRef {
  readonly file: string;
  readonly func: string;
  readonly version: string;
  readonly line: number | null;
  readonly url: string;
}

export type InvariantId =
  | 'seek'
  | 'mincore'
  | 'data'
  | 'progress'
  | 'refcount'
  | 'locking'
  | 'uptodate'
  | 'atomic-switch'
  | 'uffd'
  | 'accounting'
  | 'mapping'
  | 'gup'
  | 'beyond-eof';

export interface Violation {
  readonly invariant: InvariantId;
  /** Index (0-based) of the step after which it was detected. */
  readonly step: number;
  readonly threads: readonly ThreadId[];
  readonly slots: readonly number[];
  readonly message: string;
}

/**
 * The same shape with every field writable, for the one place that may write: a step's draft (tx.ts),
 * and a world being built (setup.ts). Everything handed out is the readonly type.
 */
export type Writable<T> = T extends string
  ? T
  : T extends readonly (infer U)[]
    ? Writable<U>[]
    : T extends object
      ? { -readonly [K in keyof T]: Writable<T[K]> }
      : T;

export type EntryView = 'empty' | 'swap' | 'retry' | `folio:${number}`;

export type EngineEvent =
  | {
      readonly type: 'thread.stepped';
      readonly thread: ThreadId;
      readonly step: string;
      /** The kernel's words for what the step did: the label of the branch it took, at this version. */
      readonly label: string;
      /** The branch the step took, when it has several (StepDef.branches). */
      readonly branch?: string;
      /**
       * The kernel statement the step (or its branch) paraphrases: a line-table key. `stepSource` turns
       * it into the link at the variant's tag (or its patch).
       */
      readonly src?: string;
    }
  | { readonly type: 'thread.blocked'; readonly thread: ThreadId; readonly block: Block }
  | { readonly type: 'thread.finished'; readonly thread: ThreadId; readonly result: string }
  | {
      readonly type: 'thread.observed';
      readonly thread: ThreadId;
      readonly what: string;
      readonly value: string;
    }
  | { readonly type: 'folio.allocated'; readonly folio: number; readonly huge: boolean }
  | { readonly type: 'folio.freed'; readonly folio: number }
  | { readonly type: 'page.locked'; readonly folio: number; readonly by: ThreadId }
  | { readonly type: 'page.unlocked'; readonly folio: number; readonly by: ThreadId }
  | {
      readonly type: 'page.flagged';
      readonly folio: number;
      readonly flag: 'uptodate' | 'dirty' | 'lru' | 'mapping';
      readonly value: boolean;
    }
  | {
      readonly type: 'refcount.changed';
      readonly folio: number;
      readonly holder: HolderKind;
      readonly thread: ThreadId;
      readonly delta: number;
      readonly refcount: number;
    }
  | { readonly type: 'refcount.frozen'; readonly folio: number; readonly by: ThreadId; readonly from: number }
  | { readonly type: 'refcount.unfrozen'; readonly folio: number; readonly by: ThreadId; readonly to: number }
  | {
      readonly type: 'slot.replaced';
      readonly index: number;
      readonly from: EntryView;
      readonly to: EntryView;
    }
  | { readonly type: 'hpage.filled'; readonly folio: number; readonly index: number; readonly value: number }
  | { readonly type: 'page.written'; readonly folio: number; readonly index: number; readonly value: number }
  | { readonly type: 'pte.changed'; readonly index: number; readonly folio: number | null }
  | { readonly type: 'pmd.changed'; readonly pmd: Pmd }
  | {
      readonly type: 'lock.acquired';
      readonly lock: LockName;
      readonly by: ThreadId;
      readonly mode: 'read' | 'write';
    }
  | { readonly type: 'lock.released'; readonly lock: LockName; readonly by: ThreadId }
  | { readonly type: 'lru.batched'; readonly folio: number; readonly cpu: ThreadId }
  | { readonly type: 'lru.drained'; readonly cpu: ThreadId; readonly folios: readonly number[] }
  | { readonly type: 'uffd.queued'; readonly index: number; readonly thread: ThreadId }
  | { readonly type: 'uffd.resolved'; readonly index: number; readonly thread: ThreadId }
  | { readonly type: 'uffd.registered' }
  | { readonly type: 'inode.changed'; readonly nrpages: number; readonly iSize: number }
  | { readonly type: 'invariant.violated'; readonly violation: Violation };
