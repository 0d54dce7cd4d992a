// Shared pieces of collapse_file()'s steps: where to go next, copying, freeing, publishing.

import { finish, type ActorThread, type StepDef } from '../../program.ts';
import { src } from '../../sources.ts';
import { nextStep, type CollapseStepId } from './sequence.ts';
import type { DraftFolio, DraftThread, Tx } from '../../tx.ts';
import { folioOf, getRef, putRef, setFlag, setSlot, unfreeze, unlockPage } from '../../tx.ts';
import { addToLru } from '../../lru.ts';
import type { Folio, LocalsOf, Thread, World } from '../../types.ts';

/** A statement of collapse_file(), by its key in the line tables (sources/lines-<tag>.json). */
export const at = (stmt: string) => src(`collapse_file:${stmt}`);

/** collapse_file()'s locals (types.ts Locals): its cursor, page in hand, huge page, pagelist, counts. */
export type CollapseLocals = LocalsOf<
  | 'index'
  | 'folio'
  | 'hpage'
  | 'pagelist'
  | 'nrNone'
  | 'nrNoneCheck'
  | 'scan'
  | 'staleCursor'
  | 'expected'
  | 'xas'
>;

/** A collapse thread in a step: its next step is a collapse step id. */
export type CollapseThread = ActorThread<CollapseStepId, CollapseLocals>;
/** Some of collapse's steps, typed by their ids (index.ts checks that together they are all of them). */
export type CollapseSteps = { readonly [K in CollapseStepId]?: StepDef<CollapseStepId, CollapseLocals> };

import { flagsOf } from '../../kernelFlags.ts';
export { flagsOf };
export const hpageOf = (tx: Tx, t: Thread<CollapseLocals>): DraftFolio => tx.folio(t.l.hpage ?? -1);
export const curFolio = (tx: Tx, t: Thread<CollapseLocals>): DraftFolio => tx.folio(t.l.folio ?? -1);
export const holdsXa = (w: World, t: Thread<CollapseLocals>) => w.locks.xa === t.id;

/** `|xa`: the final store goes into the tree slot by slot (xaStoreSteps.ts); the caller holds xa_lock. */
export function beginTreeStore(t: CollapseThread): void {
  t.l.index = 0;
  t.pc = 'xa_store_slot';
}

/** Where a failed collapse goes. The scan result is already set. */
export function fail(tx: Tx, t: CollapseThread, scan: string): void {
  t.l.scan = scan;
  t.pc = 'rollback';
}

/** Unlock and drop the pin on a page that failed its checks before joining the pagelist (out_unlock). */
export function dropCurrent(tx: Tx, t: CollapseThread): void {
  const f = curFolio(tx, t);
  unlockPage(tx, f);
  putRef(tx, f, 'collapse-pin');
  t.l.folio = null;
}

/**
 * Goes on to the step after `from` on this variant (sequence.ts), or finishes after the last one with
 * the scan result: SCAN_SUCCEED, or model 2's SCAN_PTE_MAPPED_HUGEPAGE from a retract that could not map.
 */
export function advance(tx: Tx, t: CollapseThread, from: CollapseStepId): void {
  const next = nextStep(flagsOf(tx.w), from);
  if (next) t.pc = next;
  else finish(tx, t, t.l.scan);
}

/** The collapse's old pages by index (the first one listed wins), read-only: copying only reads them
 * (a step that writes one takes it with tx.folio), and one pass replaces a search of the list per index. */
export function oldPagesByIndex(w: World, t: Thread<CollapseLocals>): Map<number, Folio> {
  const byIndex = new Map<number, Folio>();
  for (const id of t.l.pagelist) {
    const p = folioOf(w, id);
    if (!byIndex.has(p.index)) byIndex.set(p.index, p);
  }
  return byIndex;
}

/** Copies the old page at index i (or zeroes a hole) into the huge page h. */
export function copyInto(tx: Tx, h: DraftFolio, i: number, old: Folio | undefined): void {
  const value = old ? (old.data[0] ?? 0) : 0;
  h.data[i] = value;
  h.valid[i] = true;
  tx.ev.push({ type: 'hpage.filled', folio: h.id, index: i, value });
}

/** Frees one old page after a successful collapse (mapping = NULL, unlock, drop the 3 references). */
export function freeOld(tx: Tx, t: DraftThread<CollapseLocals>, p: DraftFolio): void {
  setFlag(tx, p, 'mapped', false);
  if (p.frozenBy !== null) unfreeze(tx, p, ['collapse-pin']);
  else {
    putRef(tx, p, 'cache', -1);
    putRef(tx, p, 'isolation');
  }
  unlockPage(tx, p);
  putRef(tx, p, 'collapse-pin');
}

/** Multi-index store of the hpage over the whole range (xas_set_order + xas_store). */
export function storeHpage(tx: Tx, t: DraftThread<CollapseLocals>): void {
  const h = hpageOf(tx, t);
  for (let i = 0; i < tx.w.n; i++) {
    const e = tx.w.slots[i];
    if (!(e?.t === 'folio' && e.folio === h.id)) setSlot(tx, i, { t: 'folio', folio: h.id });
  }
}

/** SetPageUptodate, the N cache references, dirty, and straight onto the LRU (a large folio skips the batch). */
export function publishHpage(tx: Tx, t: DraftThread<CollapseLocals>): void {
  const h = hpageOf(tx, t);
  setFlag(tx, h, 'uptodate', true);
  // page_ref_add(N - 1): the allocation reference becomes one of the N cache references.
  for (let i = 0; i < tx.w.n; i++) getRef(tx, h, 'cache', -1);
  putRef(tx, h, 'hpage-alloc');
  setFlag(tx, h, 'dirty', true);
  addToLru(tx, h);
}
