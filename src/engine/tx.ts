// A step's transaction (Tx) and the mutation helpers kernel steps use. A World is deeply readonly; the
// only writable things are the ones a Tx hands out: its draft world (cloned for this step) and the folios
// and threads it copies into that draft on first use. Each helper changes the draft and records the
// event that names the change, so the page can animate steps without diffing worlds.

import type {
  Entry,
  EntryView,
  Folio,
  Ghost,
  Holder,
  HolderKind,
  EngineEvent,
  Locals,
  ObservationLocals,
  Thread,
  ThreadId,
  World,
  Writable,
} from './types.ts';
import { PIN_BIAS } from './types.ts';
import type { XaTree } from './xarray/types.ts';

/** A folio of the draft, writable: only Tx.folio() hands one out (after copying it into the draft). */
export type DraftFolio = Writable<Omit<Folio, 'id' | 'huge' | 'index'>> &
  Pick<Folio, 'id' | 'huge' | 'index'>;
/**
 * A thread of the draft, writable: only beginTx() hands one out, the acting thread (copied into the draft).
 * `L` is the view of its locals (an actor's own, program.ts). Other threads are writable only through
 * Tx.observation(), and only in their observation ghost.
 */
export type DraftThread<L = Locals> = Writable<Omit<Thread, 'id' | 'actor' | 'param' | 'l'>> &
  Pick<Thread, 'id' | 'actor' | 'param'> & { l: Writable<L> };
/**
 * The world a step writes: cloneWorld() gave it its own locks, page table, batches and ghost object, so
 * those are writable. The arrays of N entries (slots, PTEs, the ghost's values) and the folios are still
 * shared with the world it was cloned from, so they stay readonly here: a step writes them only through
 * Tx (slotsToWrite, ptesToWrite, ghostToWrite, folio), which copies each on its first write, and its own
 * thread. A step that writes none of them copies nothing of size N.
 */
export type DraftWorld = Writable<
  Omit<World, 'n' | 'variant' | 'model' | 'folios' | 'threads' | 'xa' | 'slots' | 'proc' | 'ghost'>
> &
  Pick<World, 'n' | 'variant' | 'model' | 'folios' | 'threads' | 'slots'> & {
    proc: Writable<Omit<World['proc'], 'ptes'>> & Pick<World['proc'], 'ptes'>;
    /** Each array is replaced whole (ghostToWrite copies logical and hasData for a write in place). */
    ghost: { -readonly [K in keyof Ghost]: Ghost[K] };
    /** `|xa`: the tree is immutable data; a step replaces it whole (xarray/store.ts returns new trees). */
    xa?: XaTree;
  };

/**
 * A step in progress: the draft world (a private copy), its events and the acting thread. The draft shares
 * folios and threads with the world it was cloned from until the step first takes one (folio(), observation()):
 * then that one alone is copied, and the copy is what the step writes from then on. Reading a folio through
 * tx.w.folios (or folioOf) is always safe and never copies; writing needs the copy, and the types say so.
 */
export interface Tx {
  readonly w: DraftWorld;
  readonly ev: EngineEvent[];
  readonly tid: ThreadId;
  /** The folio, writable: copied into the draft the first time this step takes it. */
  folio(id: number): DraftFolio;
  /**
   * The observation ghost of any thread (observers.ts tracks every observer's premise after each step),
   * writable: the thread is copied into the draft the first time this step takes it.
   */
  observation(id: ThreadId): Writable<ObservationLocals>;
  /** Registers a folio this step allocated (already the draft's own: never copied again). */
  adopt(f: DraftFolio): void;
  /** Takes a folio out of the draft (it was freed). */
  drop(id: number): void;
  /** The draft's slots, writable (copied on the first call). */
  slotsToWrite(): Entry[];
  /** The draft's PTEs, writable (copied on the first call). */
  ptesToWrite(): (number | null)[];
  /** The ghost's values and data flags, writable (copied on the first call). */
  ghostToWrite(): { logical: number[]; hasData: boolean[] };
}

/** The engine broke its own model (never a user error); step() turns it into a typed error. */
export class EngineFault extends Error {}

export function fault(message: string): never {
  throw new EngineFault(message);
}

class StepTx implements Tx {
  /** Ids already copied into the draft by this step (a handful: a plain array beats a Set here). */
  private readonly ownFolios: number[] = [];
  private readonly ownThreads: number[] = [];
  /** Whether the draft has its own folio map, slots, PTEs and ghost values yet. */
  private ownFolioMap = false;
  private ownSlots = false;
  private ownPtes = false;
  private ownGhost = false;
  constructor(
    readonly w: DraftWorld,
    readonly ev: EngineEvent[],
    readonly tid: ThreadId,
  ) {}

  folio(id: number): DraftFolio {
    const f = (this.w.folios[id] as DraftFolio | undefined) ?? fault(`folio ${id} does not exist`);
    if (this.ownFolios.includes(id)) return f;
    const folios = this.folioMap();
    this.ownFolios.push(id);
    const own: DraftFolio = { ...f, holders: [...f.holders], data: [...f.data], valid: [...f.valid] };
    folios[id] = own;
    return own;
  }

  observation(id: ThreadId): Writable<ObservationLocals> {
    return this.thread(id).l;
  }

  thread(id: number): DraftThread {
    const threads = this.w.threads as DraftThread[];
    const t = threads[id] ?? fault(`thread ${id} does not exist`);
    if (this.ownThreads.includes(id)) return t;
    this.ownThreads.push(id);
    const l = t.l;
    const own: DraftThread = {
      ...t,
      l: {
        ...l,
        pagelist: [...l.pagelist],
        expected: [...l.expected],
        vec: [...l.vec],
        throughout: [...l.throughout],
      },
    };
    threads[id] = own;
    return own;
  }

  adopt(f: DraftFolio): void {
    this.folioMap()[f.id] = f;
    this.ownFolios.push(f.id);
  }

  drop(id: number): void {
    delete this.folioMap()[id];
  }

  slotsToWrite(): Entry[] {
    if (!this.ownSlots) {
      this.ownSlots = true;
      (this.w as { slots: readonly Entry[] }).slots = [...this.w.slots];
    }
    return this.w.slots as Entry[];
  }

  ptesToWrite(): (number | null)[] {
    if (!this.ownPtes) {
      this.ownPtes = true;
      (this.w.proc as { ptes: readonly (number | null)[] }).ptes = [...this.w.proc.ptes];
    }
    return this.w.proc.ptes as (number | null)[];
  }

  ghostToWrite(): { logical: number[]; hasData: boolean[] } {
    const g = this.w.ghost;
    if (!this.ownGhost) {
      this.ownGhost = true;
      g.logical = [...g.logical];
      g.hasData = [...g.hasData];
    }
    return g as unknown as { logical: number[]; hasData: boolean[] };
  }

  private folioMap(): Record<number, DraftFolio> {
    if (!this.ownFolioMap) {
      this.ownFolioMap = true;
      (this.w as { folios: Readonly<Record<number, Folio>> }).folios = { ...this.w.folios };
    }
    return this.w.folios as Record<number, DraftFolio>;
  }
}

/**
 * Opens a step for thread tid on a fresh clone (cloneWorld); step() is the only caller. `self` is the acting
 * thread, writable (its program sees it typed by its own locals): the one thread a step may change.
 */
export function beginTx(draft: DraftWorld, ev: EngineEvent[], tid: ThreadId): { tx: Tx; self: DraftThread } {
  const tx = new StepTx(draft, ev, tid);
  return { tx, self: tx.thread(tid) };
}

/** A folio of any world, read-only (never copies). */
export function folioOf(w: World, id: number): Folio {
  return w.folios[id] ?? fault(`folio ${id} does not exist`);
}

function entryView(e: Entry): EntryView {
  return e.t === 'folio' ? `folio:${e.folio}` : e.t;
}

/** The folio in slot i, writable (copied into the draft), or null when the slot holds none. */
export function slotFolio(tx: Tx, i: number): DraftFolio | null {
  const e = tx.w.slots[i];
  return e?.t === 'folio' ? tx.folio(e.folio) : null;
}

function holderWeight(kind: HolderKind): number {
  return kind === 'pin' ? PIN_BIAS : 1;
}

/** What a folio's refcount must be for these holders. */
export function holdersWeight(holders: readonly Holder[]): number {
  return holders.reduce((s, h) => s + holderWeight(h.kind), 0);
}

export function allocFolio(
  tx: Tx,
  init: Pick<Folio, 'huge' | 'index' | 'data' | 'uptodate'> & Partial<Omit<Folio, 'id'>>,
  holders: readonly Holder[],
): DraftFolio {
  const w = tx.w;
  const id = w.nextFolio++;
  const f: DraftFolio = {
    id,
    locked: null,
    dirty: false,
    lru: false,
    mapped: false,
    frozenBy: null,
    mapcount: 0,
    fallocUnwritten: false,
    collected: false,
    hpageOf: null,
    ...init,
    data: [...init.data],
    valid: init.valid ? [...init.valid] : init.data.map(() => true),
    refcount: holdersWeight(holders),
    holders: [...holders],
  };
  tx.adopt(f);
  tx.ev.push({ type: 'folio.allocated', folio: id, huge: f.huge });
  return f;
}

export function getRef(tx: Tx, f: DraftFolio, kind: HolderKind, thread: ThreadId = tx.tid): void {
  if (f.frozenBy !== null) fault(`reference taken on frozen folio ${f.id}`);
  f.holders.push({ kind, thread });
  f.refcount += holderWeight(kind);
  tx.ev.push({
    type: 'refcount.changed',
    folio: f.id,
    holder: kind,
    thread,
    delta: holderWeight(kind),
    refcount: f.refcount,
  });
}

/** Drops one reference; the folio is freed when the last one goes (never while frozen). */
export function putRef(tx: Tx, f: DraftFolio, kind: HolderKind, thread: ThreadId = tx.tid): void {
  const at = f.holders.findIndex((h) => h.kind === kind && h.thread === thread);
  if (at < 0) fault(`thread ${thread} drops a ${kind} reference it does not hold on folio ${f.id}`);
  f.holders.splice(at, 1);
  if (f.frozenBy !== null) return; // counted again only at unfreeze
  f.refcount -= holderWeight(kind);
  tx.ev.push({
    type: 'refcount.changed',
    folio: f.id,
    holder: kind,
    thread,
    delta: -holderWeight(kind),
    refcount: f.refcount,
  });
  if (f.refcount === 0) freeFolio(tx, f);
}

function freeFolio(tx: Tx, f: DraftFolio): void {
  const w = tx.w;
  if (w.slots.some((e) => e.t === 'folio' && e.folio === f.id))
    fault(`folio ${f.id} freed while still in the page cache`);
  if (w.proc.ptes.includes(f.id) || w.proc.pmdFolio === f.id) fault(`folio ${f.id} freed while still mapped`);
  if (f.locked !== null) fault(`folio ${f.id} freed while locked`);
  tx.drop(f.id);
  tx.ev.push({ type: 'folio.freed', folio: f.id });
}

/** page_ref_freeze(f, expected): atomic compare-and-exchange of the count to 0. */
export function tryFreeze(tx: Tx, f: DraftFolio, expected: number): boolean {
  if (f.frozenBy !== null || f.refcount !== expected) return false;
  f.frozenBy = tx.tid;
  tx.ev.push({ type: 'refcount.frozen', folio: f.id, by: tx.tid, from: expected });
  f.refcount = 0;
  return true;
}

/** page_ref_unfreeze(f, count): the remembered holders that remain are given explicitly. */
export function unfreeze(tx: Tx, f: DraftFolio, keep: readonly HolderKind[]): void {
  if (f.frozenBy !== tx.tid) fault(`thread ${tx.tid} unfreezes folio ${f.id} it did not freeze`);
  const remaining: Holder[] = [];
  for (const kind of keep) {
    const h = f.holders.find((x) => x.kind === kind && !remaining.includes(x));
    if (!h) fault(`unfreeze of folio ${f.id} keeps a ${kind} reference it never had`);
    remaining.push(h);
  }
  // A freeze succeeds only at an exact count, so nothing else can hold the folio: keep exactly these.
  f.holders = remaining;
  f.frozenBy = null;
  f.refcount = holdersWeight(f.holders);
  tx.ev.push({ type: 'refcount.unfrozen', folio: f.id, by: tx.tid, to: f.refcount });
}

export function lockPage(tx: Tx, f: DraftFolio): void {
  if (f.locked !== null) fault(`folio ${f.id} locked twice`);
  f.locked = tx.tid;
  tx.ev.push({ type: 'page.locked', folio: f.id, by: tx.tid });
}

export function unlockPage(tx: Tx, f: DraftFolio): void {
  if (f.locked !== tx.tid) fault(`thread ${tx.tid} unlocks folio ${f.id} owned by ${String(f.locked)}`);
  f.locked = null;
  tx.ev.push({ type: 'page.unlocked', folio: f.id, by: tx.tid });
}

export function setFlag(
  tx: Tx,
  f: DraftFolio,
  flag: 'uptodate' | 'dirty' | 'lru' | 'mapped',
  value: boolean,
): void {
  if (f[flag] === value) return;
  f[flag] = value;
  tx.ev.push({ type: 'page.flagged', folio: f.id, flag: flag === 'mapped' ? 'mapping' : flag, value });
}

export function setSlot(tx: Tx, i: number, e: Entry): void {
  const from = tx.w.slots[i] ?? fault(`slot ${i} out of range`);
  tx.slotsToWrite()[i] = e;
  tx.ev.push({ type: 'slot.replaced', index: i, from: entryView(from), to: entryView(e) });
}

export function setNrpages(tx: Tx, delta: number): void {
  tx.w.nrpages += delta;
  tx.ev.push({ type: 'inode.changed', nrpages: tx.w.nrpages, iSize: tx.w.iSize });
}

export function newValue(tx: Tx): number {
  return tx.w.nextValue++;
}
