// shmem_get_folio_gfp() as steps (spec §3 LOCKED_GET): look up, swap in, lock and re-check, or allocate.

import { dropLookup } from '../lookup.ts';
import { lookupSteps } from '../lookupSteps.ts';
import type { LookupLocals } from '../lookup.ts';
import type { StepDef } from '../program.ts';
import { pageLockFree, spinFree } from '../program.ts';
import { src } from '../sources.ts';
import type { DraftFolio, DraftThread, Tx } from '../tx.ts';
import { allocFolio, lockPage, setFlag, setNrpages, setSlot, unlockPage } from '../tx.ts';
import { acquire, release } from '../locks.ts';
import { addToLru } from '../lru.ts';

export type Sgp = 'read' | 'write' | 'cache' | 'falloc';

/** The caller's continuations; L: the caller's locals (shmem_get_folio itself uses only LookupLocals). */
export interface ShmemGetHooks<L extends LookupLocals = LookupLocals> {
  /** SGP_CACHE / SGP_READ past i_size (the file was truncated meanwhile): -EINVAL, no lock or reference. */
  readonly beyondEof?: (tx: Tx, t: DraftThread<L>) => void;
  /** The folio is locked by the thread, with a lookup reference in t.l.folio. */
  readonly locked: (tx: Tx, t: DraftThread<L>, f: DraftFolio) => void;
  /** SGP_READ met a hole (or a fallocated page): nothing locked, no reference held. */
  readonly hole?: (tx: Tx, t: DraftThread<L>) => void;
  /** A fault met a hole in a userfaultfd MISSING range. */
  readonly missing?: (tx: Tx, t: DraftThread<L>) => void;
  /** The lookup reads the tree a level per step on model 3 with `|xa` (read's; lookup.ts). */
  readonly descend?: boolean;
}

const SHMEM = (stmt: string) => src(`shmem_get_folio:${stmt}`);

export function shmemGetSteps<L extends LookupLocals>(
  p: string,
  sgp: Sgp,
  what: string,
  hooks: ShmemGetHooks<L>,
): Record<string, StepDef<string, L>> {
  const lookups = lookupSteps<L>(
    p,
    what,
    (tx, t, r) => {
      if (r.t === 'folio') t.pc = `${p}lock`;
      else if (r.t === 'swap') t.pc = `${p}swapin`;
      else if (sgp === 'read') hooks.hole?.(tx, t);
      else if (sgp === 'cache' && tx.w.proc.uffdMissing && hooks.missing) hooks.missing(tx, t);
      else t.pc = `${p}alloc`;
    },
    hooks.descend ?? false,
  );
  const swapin: StepDef<string, L> = {
    label: 'shmem_swapin_folio',
    text: 'Read the page back from swap into a new locked folio and put it in the slot under xa_lock.',
    src: src('shmem_swapin_folio'),
    guard: (w, t) => spinFree(w, 'xa_lock', t.id),
    run: (tx, t) => {
      const e = tx.w.slots[t.l.index];
      if (e?.t !== 'swap') {
        t.pc = `${p}get`; // someone else swapped it in first: look again
        return;
      }
      acquire(tx, 'xa_lock');
      const f = allocFolio(
        tx,
        { huge: false, index: t.l.index, data: [e.value], uptodate: true, mapped: true },
        [
          { kind: 'cache', thread: -1 },
          { kind: 'lookup', thread: t.id },
        ],
      );
      lockPage(tx, f);
      setSlot(tx, t.l.index, { t: 'folio', folio: f.id });
      setNrpages(tx, 1);
      release(tx, 'xa_lock');
      addToLru(tx, f);
      t.l.folio = f.id;
      hooks.locked(tx, t, f);
    },
  };
  const lock: StepDef<string, L> = {
    label: 'folio_lock; mapping check',
    text: 'Lock the folio (sleeping while someone else holds it); if it left the file meanwhile, unlock and look up again.',
    src: SHMEM('lock'),
    guard: (w, t) => pageLockFree(w, t.l.folio ?? -1, t.id),
    run: (tx, t) => {
      const f = tx.folio(t.l.folio ?? -1);
      lockPage(tx, f);
      if (!f.mapped) {
        unlockPage(tx, f);
        dropLookup(tx, t);
        t.pc = `${p}get`;
        return;
      }
      if ((sgp === 'cache' || sgp === 'read') && t.l.index >= tx.w.iSize && hooks.beyondEof) {
        unlockPage(tx, f);
        dropLookup(tx, t);
        hooks.beyondEof(tx, t);
        return;
      }
      if (!f.uptodate && !f.huge) {
        if (sgp === 'read') {
          unlockPage(tx, f);
          dropLookup(tx, t);
          hooks.hole?.(tx, t);
          return;
        }
        // A fault instantiates the page; fallocate over an earlier fallocated page initialises it too.
        if (sgp === 'cache' || sgp === 'falloc') instantiate(tx, f);
      }
      hooks.locked(tx, t, f);
    },
  };
  const alloc: StepDef<string, L> = {
    label: 'shmem_alloc_and_acct_folio; shmem_add_to_page_cache',
    // v6.7 folded the two into shmem_alloc_and_add_folio (its variants are the ones with 55ac8bbe358b).
    labelFor: (f) =>
      f.undoRangeSplits ? 'shmem_alloc_and_add_folio' : 'shmem_alloc_and_acct_folio; shmem_add_to_page_cache',
    text:
      sgp === 'falloc'
        ? 'Allocate a page and insert it under xa_lock, locked and NOT uptodate (fallocate never zeroes it).'
        : 'Allocate a page and insert it into the hole under xa_lock, locked.',
    src: SHMEM('alloc'),
    guard: (w, t) => spinFree(w, 'xa_lock', t.id),
    run: (tx, t) => {
      if (tx.w.slots[t.l.index]?.t !== 'empty') {
        t.pc = `${p}get`; // filled meanwhile (-EEXIST): look again
        return;
      }
      // "Perhaps the file has been truncated since we checked": never instantiate past i_size.
      if (sgp === 'cache' && t.l.index >= tx.w.iSize && hooks.beyondEof) {
        hooks.beyondEof(tx, t);
        return;
      }
      acquire(tx, 'xa_lock');
      const f = allocFolio(
        tx,
        {
          huge: false,
          index: t.l.index,
          data: [0],
          uptodate: false,
          mapped: true,
          fallocUnwritten: sgp === 'falloc',
          valid: [sgp !== 'falloc'],
        },
        [
          { kind: 'cache', thread: -1 },
          { kind: 'lookup', thread: t.id },
        ],
      );
      lockPage(tx, f);
      setSlot(tx, t.l.index, { t: 'folio', folio: f.id });
      setNrpages(tx, 1);
      release(tx, 'xa_lock');
      addToLru(tx, f);
      if (sgp === 'cache') instantiate(tx, f);
      t.l.folio = f.id;
      hooks.locked(tx, t, f);
    },
  };
  return { ...lookups, [`${p}swapin`]: swapin, [`${p}lock`]: lock, [`${p}alloc`]: alloc };
}

/** A fault instantiates a fallocated or new page: zero it and mark it uptodate (still locked). */
function instantiate(tx: Tx, f: DraftFolio): void {
  f.data = f.data.map(() => 0);
  f.valid = f.valid.map(() => true);
  f.fallocUnwritten = false;
  setFlag(tx, f, 'uptodate', true);
}

/** The steps in reading order; `descend`: the lookup's level below the top (model 3, `|xa`). */
export function shmemGetListing(p: string, descend = false): string[] {
  return [
    `${p}get`,
    ...(descend ? [`${p}xa_descend`] : []),
    `${p}check`,
    `${p}swapin`,
    `${p}lock`,
    `${p}alloc`,
  ];
}
