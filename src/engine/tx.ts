// Mutation helpers used by kernel steps. Each one changes the draft world and records the event that
// names the change, so the page can animate steps without diffing worlds.

import type {
  Entry,
  EntryView,
  Folio,
  Holder,
  HolderKind,
  EngineEvent,
  Thread,
  ThreadId,
  World,
} from './types.ts';
import { PIN_BIAS } from './types.ts';

/** A step in progress: the draft world (a private copy), its events and the acting thread. */
export interface Tx {
  readonly w: World;
  readonly ev: EngineEvent[];
  readonly tid: ThreadId;
}

/** The engine broke its own model (never a user error); step() turns it into a typed error. */
export class EngineFault extends Error {}

export function fault(message: string): never {
  throw new EngineFault(message);
}

/**
 * Drafts share folios and threads with the world they were cloned from until a step first touches one:
 * then that one alone is copied. Only step() marks a draft, for the duration of one step.
 */
interface Draft {
  readonly w: World;
  readonly folios: number[];
  readonly threads: number[];
}
/** The one draft being stepped (step() is not re-entrant), or null. */
let active: Draft | null = null;

export function beginDraft(w: World): void {
  active = { w, folios: [], threads: [] };
}
export function endDraft(w: World): void {
  if (active?.w === w) active = null;
}

export function getFolio(w: World, id: number): Folio {
  const f = w.folios[id] ?? fault(`folio ${id} does not exist`);
  if (active?.w !== w || active.folios.includes(id)) return f;
  active.folios.push(id);
  const own: Folio = { ...f, holders: [...f.holders], data: [...f.data], valid: [...f.valid] };
  w.folios[id] = own;
  return own;
}

/** A thread of a draft, copied the first time the step touches it (read-only outside a step). */
export function getThread(w: World, id: number): Thread {
  const t = w.threads[id] ?? fault(`thread ${id} does not exist`);
  if (active?.w !== w || active.threads.includes(id)) return t;
  active.threads.push(id);
  const l = t.l;
  const own: Thread = {
    ...t,
    l: {
      ...l,
      pagelist: [...l.pagelist],
      expected: [...l.expected],
      vec: [...l.vec],
      throughout: [...l.throughout],
    },
  };
  w.threads[id] = own;
  return own;
}

function entryView(e: Entry): EntryView {
  return e.t === 'folio' ? `folio:${e.folio}` : e.t;
}

export function slotFolio(w: World, i: number): Folio | null {
  const e = w.slots[i];
  return e?.t === 'folio' ? getFolio(w, e.folio) : null;
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
  init: Pick<Folio, 'huge' | 'index' | 'data' | 'uptodate'> & Partial<Folio>,
  holders: Holder[],
): Folio {
  const w = tx.w;
  const id = w.nextFolio++;
  const f: Folio = {
    id,
    locked: null,
    dirty: false,
    lru: false,
    mapped: false,
    frozenBy: null,
    mapcount: 0,
    valid: init.data.map(() => true),
    fallocUnwritten: false,
    collected: false,
    hpageOf: null,
    ...init,
    refcount: holdersWeight(holders),
    holders: [...holders],
  };
  w.folios[id] = f;
  if (active?.w === w) active.folios.push(id);
  tx.ev.push({ type: 'folio.allocated', folio: id, huge: f.huge });
  return f;
}

export function getRef(tx: Tx, f: Folio, kind: HolderKind, thread: ThreadId = tx.tid): void {
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
export function putRef(tx: Tx, f: Folio, kind: HolderKind, thread: ThreadId = tx.tid): void {
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

function freeFolio(tx: Tx, f: Folio): void {
  const w = tx.w;
  if (w.slots.some((e) => e.t === 'folio' && e.folio === f.id))
    fault(`folio ${f.id} freed while still in the page cache`);
  if (w.proc.ptes.includes(f.id) || w.proc.pmdFolio === f.id) fault(`folio ${f.id} freed while still mapped`);
  if (f.locked !== null) fault(`folio ${f.id} freed while locked`);
  delete w.folios[f.id];
  tx.ev.push({ type: 'folio.freed', folio: f.id });
}

/** page_ref_freeze(f, expected): atomic compare-and-exchange of the count to 0. */
export function tryFreeze(tx: Tx, f: Folio, expected: number): boolean {
  if (f.frozenBy !== null || f.refcount !== expected) return false;
  f.frozenBy = tx.tid;
  tx.ev.push({ type: 'refcount.frozen', folio: f.id, by: tx.tid, from: expected });
  f.refcount = 0;
  return true;
}

/** page_ref_unfreeze(f, count): the remembered holders that remain are given explicitly. */
export function unfreeze(tx: Tx, f: Folio, keep: readonly HolderKind[]): void {
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

export function lockPage(tx: Tx, f: Folio): void {
  if (f.locked !== null) fault(`folio ${f.id} locked twice`);
  f.locked = tx.tid;
  tx.ev.push({ type: 'page.locked', folio: f.id, by: tx.tid });
}

export function unlockPage(tx: Tx, f: Folio): void {
  if (f.locked !== tx.tid) fault(`thread ${tx.tid} unlocks folio ${f.id} owned by ${String(f.locked)}`);
  f.locked = null;
  tx.ev.push({ type: 'page.unlocked', folio: f.id, by: tx.tid });
}

export function setFlag(
  tx: Tx,
  f: Folio,
  flag: 'uptodate' | 'dirty' | 'lru' | 'mapped',
  value: boolean,
): void {
  if (f[flag] === value) return;
  f[flag] = value;
  tx.ev.push({ type: 'page.flagged', folio: f.id, flag: flag === 'mapped' ? 'mapping' : flag, value });
}

export function setSlot(tx: Tx, i: number, e: Entry): void {
  const from = tx.w.slots[i] ?? fault(`slot ${i} out of range`);
  tx.w.slots[i] = e;
  tx.ev.push({ type: 'slot.replaced', index: i, from: entryView(from), to: entryView(e) });
}

export function setNrpages(tx: Tx, delta: number): void {
  tx.w.nrpages += delta;
  tx.ev.push({ type: 'inode.changed', nrpages: tx.w.nrpages, iSize: tx.w.iSize });
}

export function newValue(tx: Tx): number {
  return tx.w.nextValue++;
}
