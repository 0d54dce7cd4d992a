// `|xa` only: shmem_undo_range's batch lookups over the tree (mm/shmem.c shmem_undo_range with
// mm/filemap.c find_lock_entries and find_get_entries, 6.12). Each batch is filled by find_get_entry's
// walk (xarray/walk.ts: one step per slot read, the climb its own step), then its entries are handled
// one step each. Pass 1 (find_lock_entries) trylocks and omits what it cannot take; pass 2
// (find_get_entries) takes everything and, for truncate, repeats from start until a batch comes back empty.

import { removeFromCache } from '../cache.ts';
import type { PunchLocals } from './undoRange.ts';
import { acquire, release } from '../locks.ts';
import type { StepDef } from '../program.ts';
import { pageLockFree, spinFree, took } from '../program.ts';
import { src } from '../sources.ts';
import type { DraftThread, Tx } from '../tx.ts';
import { fault, folioOf, lockPage, putRef, setSlot, unlockPage } from '../tx.ts';
import type { Block, Thread, World } from '../types.ts';
import { flagsOf } from '../kernelFlags.ts';
import type { UndoBatch, UndoEntry } from '../xarray/types.ts';
import { FOLIO_BATCH_SIZE } from '../xarray/types.ts';
import type { WalkCaller, WalkFound } from '../xarray/walk.ts';
import { walkOn, walkSteps } from '../xarray/walk.ts';
import { walkFrom } from '../xarray/walkFrom.ts';
import { covers, skipCut, zeroCovered } from './undoRange.ts';
import { splitsOnTruncate, truncatePartial } from './splitFolio.ts';

const UNDO = (stmt: string) => src(`shmem_undo_range:${stmt}`);
const batch = (t: Thread<PunchLocals>): UndoBatch => t.l.undo ?? fault(`T${t.id} has no folio batch`);
const setBatch = (t: DraftThread<PunchLocals>, b: Partial<UndoBatch>) => {
  const next = { ...batch(t), ...b };
  t.l.undo = { ...next, entries: [...next.entries] };
};
/** The last index of the range (end - 1); truncate's end is -1 in the kernel, the file's end here. */
const last = (t: Thread<PunchLocals>) => t.l.end - 1;

/** Pass 2 is over: the batch and the walk go, the inode is unlocked next. */
function done(t: DraftThread<PunchLocals>): void {
  delete t.l.undo;
  delete t.l.xas;
  t.pc = 'finish';
}

/** Starts a batch lookup at the cursor: xas_set(index), an empty batch, the walk's first step. */
function lookupAt(t: DraftThread<PunchLocals>, prefix: 'fl_' | 'fg_', cursor: number): void {
  setBatch(t, { cursor, entries: [] });
  walkFrom(t, cursor);
  t.pc = `${prefix}xas_load`;
}

/** Adds an entry; a full batch ends the lookup (folio_batch_add returned 0). */
function add(
  tx: Tx,
  t: DraftThread<PunchLocals>,
  e: UndoEntry,
  prefix: 'fl_' | 'fg_',
  c: WalkCaller<PunchLocals>,
): void {
  t.l.folio = null; // the walk's reference now belongs to the batch
  const entries = [...batch(t).entries, e];
  setBatch(t, { entries });
  if (entries.length >= FOLIO_BATCH_SIZE) return c.found(tx, t, { t: 'none' });
  walkOn(tx, t, prefix, c);
}

/** An entry the lookup omits: its reference is dropped and the walk goes on (find_lock_entries' put). */
function omit(tx: Tx, t: DraftThread<PunchLocals>, id: number, c: WalkCaller<PunchLocals>): void {
  putRef(tx, tx.folio(id), 'lookup');
  t.l.folio = null;
  walkOn(tx, t, 'fl_', c);
}

// ---- pass 1: find_lock_entries ----

function pass1Found(tx: Tx, t: DraftThread<PunchLocals>, r: WalkFound): void {
  const b = batch(t);
  if (r.t === 'none') {
    delete t.l.xas;
    if (b.entries.length > 0) t.pc = 'fl_entry';
    else {
      delete t.l.undo; // the batch came back empty: pass 1 is over
      t.l.index = t.l.start;
      t.pc = 'partial_first';
    }
    return;
  }
  const index = t.l.index;
  if (r.t === 'value') {
    // Order-0 swap entries only: one with base < *start cannot occur, so it is taken.
    setBatch(t, { cursor: index + 1 });
    return add(tx, t, { index, folio: -1, value: r.value }, 'fl_', pass1);
  }
  const f = folioOf(tx.w, r.folio);
  const nr = f.huge ? tx.w.n : 1;
  if (f.index < b.cursor || f.index + nr - 1 > last(t)) return omit(tx, t, f.id, pass1);
  if (f.locked !== null) return omit(tx, t, f.id, pass1); // folio_trylock failed
  lockPage(tx, tx.folio(f.id));
  if (!f.mapped) {
    unlockPage(tx, tx.folio(f.id));
    return omit(tx, t, f.id, pass1);
  }
  setBatch(t, { cursor: f.index + nr }); // *start = base + nr, before the batch add
  add(tx, t, { index, folio: f.id, value: 0 }, 'fl_', pass1);
}

const pass1: WalkCaller<PunchLocals> = { max: (_w, t) => last(t), found: pass1Found };

/** After a batch: the next find_lock_entries from the cursor, or the partial-page steps. */
function nextPass1(t: DraftThread<PunchLocals>): void {
  const b = batch(t);
  // `while (index < end && find_lock_entries(...))`: truncate's end is -1, so it always looks again.
  if (t.actor === 'truncate' || b.cursor < t.l.end) return lookupAt(t, 'fl_', b.cursor);
  delete t.l.undo;
  t.l.index = t.l.start;
  t.pc = 'partial_first';
}

// ---- pass 2: find_get_entries ----

function pass2Found(tx: Tx, t: DraftThread<PunchLocals>, r: WalkFound): void {
  const b = batch(t);
  if (r.t === 'none') {
    delete t.l.xas;
    const tail = b.entries[b.entries.length - 1];
    if (tail) {
      // *start = round_down(indices[idx] + nr, nr)
      const nr = tail.folio >= 0 && folioOf(tx.w, tail.folio).huge ? tx.w.n : 1;
      setBatch(t, { cursor: Math.floor((tail.index + nr) / nr) * nr });
      t.pc = 'fg_entry';
      return;
    }
    // Nothing found: all gone or a punch means done; truncate restarts from start to make sure.
    if (b.cursor === b.start || t.actor !== 'truncate') return done(t);
    t.l.pass++;
    return lookupAt(t, 'fg_', b.start);
  }
  const index = t.l.index;
  if (r.t === 'value') return add(tx, t, { index, folio: -1, value: r.value }, 'fg_', pass2);
  add(tx, t, { index, folio: r.folio, value: 0 }, 'fg_', pass2);
}

const pass2: WalkCaller<PunchLocals> = { max: (_w, t) => last(t), found: pass2Found };

/** The loop `while (index < end)`: truncate's end is -1, so it always looks again. */
function nextPass2(t: DraftThread<PunchLocals>): void {
  const b = batch(t);
  if (t.actor === 'truncate' || b.cursor < t.l.end) return lookupAt(t, 'fg_', b.cursor);
  done(t);
}

/** A `break` out of the batch loop: the rest of the batch is released, the lookup restarts at index. */
function breakAt(tx: Tx, t: DraftThread<PunchLocals>, index: number): void {
  for (const e of batch(t).entries.slice(1)) if (e.folio >= 0) putRef(tx, tx.folio(e.folio), 'lookup');
  setBatch(t, { cursor: index, entries: [] });
  nextPass2(t);
}

const head = (t: Thread<PunchLocals>): UndoEntry =>
  batch(t).entries[0] ?? fault(`T${t.id}: an empty folio batch`);
const shift = (t: DraftThread<PunchLocals>) => setBatch(t, { entries: batch(t).entries.slice(1) });

function pass2Block(w: World, t: Thread<PunchLocals>): Block | null {
  const e = head(t);
  if (e.folio < 0) return spinFree(w, 'xa_lock', t.id);
  const f = folioOf(w, e.folio);
  return pageLockFree(w, f.id, t.id) ?? (f.mapped ? spinFree(w, 'xa_lock', t.id) : null);
}

/** shmem_free_swap: under xa_lock, the slot is emptied only if it still holds that swap entry. */
function freeSwap(tx: Tx, e: UndoEntry): boolean {
  const s = tx.w.slots[e.index];
  if (s?.t !== 'swap' || s.value !== e.value) return false;
  acquire(tx, 'xa_lock');
  setSlot(tx, e.index, { t: 'empty' });
  release(tx, 'xa_lock');
  return true;
}

const walks = { ...walkSteps('fl_', pass1), ...walkSteps('fg_', pass2) };

for (const [id, def] of Object.entries(walks)) {
  const pass = id.startsWith('fl_') ? 'find_lock_entries' : 'find_get_entries';
  walks[id] = { ...def, label: `${pass}: ${def.label}` };
}

export const undoWalkSteps: Record<string, StepDef<string, PunchLocals>> = {
  ...walks,
  fl_entry: {
    label: 'truncate_inode_folio / shmem_free_swap (pass 1 batch)',
    text: 'Pass 1: the next entry of the batch find_lock_entries returned: free a swap entry, or remove the folio it locked (under xa_lock), then unlock it and drop the reference.',
    src: UNDO('truncate_folio_pass1'),
    guard: (w, t) => spinFree(w, 'xa_lock', t.id),
    run: (tx, t) => {
      const e = head(t);
      shift(t);
      if (e.folio < 0) freeSwap(tx, e);
      else {
        const f = tx.folio(e.folio);
        acquire(tx, 'xa_lock');
        removeFromCache(tx, f);
        release(tx, 'xa_lock');
        unlockPage(tx, f);
        putRef(tx, f, 'lookup');
      }
      if (batch(t).entries.length === 0) nextPass1(t);
    },
  },
  fg_start: {
    label: 'whole_folios: index = start',
    text: 'Pass 2 starts at start (past a large folio the edge step zeroed), with find_get_entries over the tree.',
    src: UNDO('whole_folios'),
    local: () => true,
    run: (_tx, t) => {
      const start = skipCut(t, t.l.start);
      t.l.pass = 2;
      t.l.undo = { start, cursor: start, entries: [] };
      if (start < t.l.end) lookupAt(t, 'fg_', start);
      else done(t);
    },
  },
  fg_entry: {
    label: 'folio_lock; truncate_inode_folio (pass 2 batch)',
    text: 'Pass 2: the next entry of the batch. A swap entry is freed (gone meanwhile: look again from its index). A folio is locked (sleeping); one that left the file meanwhile sends the lookup back to its index; else it is removed, a large one whole (v6.7 and later: the covered part zeroed and, model 3, the folio split, pass 2 starting over to pick up the small pages; a refused split moves pass 2 past it).',
    src: UNDO('mapping_changed'),
    branches: {
      split: {
        label: 'truncate_inode_partial_folio: split_folio; index = start',
        src: src('truncate_inode_partial_folio:split'),
      },
    },
    guard: pass2Block,
    run: (tx, t) => {
      const e = head(t);
      if (e.folio < 0) {
        if (!freeSwap(tx, e)) return breakAt(tx, t, e.index); // replaced by a page: retry
      } else {
        const f = tx.folio(e.folio);
        lockPage(tx, f);
        if (!f.mapped) {
          unlockPage(tx, f);
          putRef(tx, f, 'lookup');
          return breakAt(tx, t, e.index);
        }
        if (f.huge && flagsOf(tx.w).undoRangeSplits && !covers(t, f, tx.w.n) && splitsOnTruncate(tx.w)) {
          const r = truncatePartial(tx, t, f);
          if (r.split) {
            // Model 3: split; "reset the loop so that we pick up the new sub pages".
            took(tx, 'split');
            unlockPage(tx, r.held);
            putRef(tx, r.held, 'lookup');
            return breakAt(tx, t, batch(t).start);
          }
          const b = batch(t);
          if (f.index <= b.start) setBatch(t, { start: f.index + tx.w.n });
        } else if (f.huge && flagsOf(tx.w).undoRangeSplits && !covers(t, f, tx.w.n)) {
          zeroCovered(tx, t, f);
          const b = batch(t);
          if (f.index <= b.start) setBatch(t, { start: f.index + tx.w.n });
        } else {
          acquire(tx, 'xa_lock');
          removeFromCache(tx, f);
          release(tx, 'xa_lock');
        }
        unlockPage(tx, f);
        putRef(tx, f, 'lookup');
      }
      shift(t);
      if (batch(t).entries.length === 0) nextPass2(t);
    },
  },
};

/** The steps a `|xa` punch or truncate lists in place of the flat pass1 / p2_* steps. */
export const undoWalkListing = (flat: readonly string[]): string[] => {
  const fl = Object.keys(walks).filter((k) => k.startsWith('fl_'));
  const fg = Object.keys(walks).filter((k) => k.startsWith('fg_'));
  const out: string[] = [];
  for (const s of flat) {
    if (s === 'pass1') out.push(...fl, 'fl_entry');
    else if (s === 'p2_start') out.push('fg_start', ...fg, 'fg_entry');
    else if (!s.startsWith('p2_')) out.push(s);
  }
  return out;
};
