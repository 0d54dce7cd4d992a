// Hole punch and truncate: shmem_fallocate(PUNCH_HOLE) / shmem_setattr -> shmem_undo_range (spec §3.7).
// Pass 1 trylocks and removes what it can, the partial-page step locks the edge pages (sleeping), and
// pass 2 locks every remaining folio and, before v6.7, removes a large one whole (race g).

import { dropLookup, lookupSpin } from '../lookup.ts';
import { lookupSteps } from '../lookupSteps.ts';
import type { PunchLocals } from './undoRange.ts';
import type { ActorProgram, StepDef } from '../program.ts';
import { finish, firstBlock, inodeFree, pageLockFree, spinFree, took } from '../program.ts';
import { src } from '../sources.ts';
import type { DraftThread, Tx } from '../tx.ts';
import { getRef, lockPage, putRef, setSlot, unlockPage, folioOf } from '../tx.ts';
import { removeFromCache } from '../cache.ts';
import { acquire, release } from '../locks.ts';
import { setPte, zapPmd } from '../pageTable.ts';
import type { Block, Folio, Thread, World } from '../types.ts';
import { flagsOf } from '../kernelFlags.ts';
import { covers, skipCut, zeroCovered } from './undoRange.ts';
import { canSplitAfterGet, splitsOnTruncate, truncatePartial } from './splitFolio.ts';
import { walkFrom } from '../xarray/walkFrom.ts';
import { undoWalkListing, undoWalkSteps } from './undoWalk.ts';

const UNDO = (stmt: string) => src(`shmem_undo_range:${stmt}`);

/** What pass 1 would do at slot i: nothing, drop a swap entry, or remove a folio (needs xa_lock). */
function pass1Action(w: World, t: Thread<PunchLocals>, i: number): 'skip' | 'swap' | 'remove' {
  const e = w.slots[i];
  if (e?.t === 'swap') return 'swap';
  if (e?.t !== 'folio') return 'skip';
  const f = folioOf(w, e.folio);
  return f.locked !== null || !covers(t, f, w.n) ? 'skip' : 'remove';
}

function nextPass2(tx: Tx, t: DraftThread<PunchLocals>): void {
  t.l.index = skipCut(t, t.l.index + 1);
  t.pc = 'p2_get';
  if (t.l.index < t.l.end) return;
  // Truncate to EOF repeats until a pass removes nothing; a punch stops after one pass.
  if (t.actor === 'truncate' && t.l.found) {
    t.l.found = false;
    t.l.index = skipCut(t, t.l.start);
    t.l.pass++;
    if (t.l.index < t.l.end) return;
  }
  t.pc = 'finish';
}

function pass2Found(tx: Tx, t: DraftThread<PunchLocals>, kind: 'empty' | 'swap' | 'folio'): void {
  if (kind === 'folio') {
    t.pc = 'p2_lock';
    return;
  }
  if (kind === 'swap') {
    t.pc = 'p2_swap';
    return;
  }
  nextPass2(tx, t);
}

function pass2Block(w: World, t: Thread<PunchLocals>): Block | null {
  const f = folioOf(w, t.l.folio ?? -1);
  return firstBlock(pageLockFree(w, f.id, t.id), f.mapped ? spinFree(w, 'xa_lock', t.id) : null);
}

const steps: Record<string, StepDef<string, PunchLocals>> = {
  inode_lock: {
    label: 'inode_lock; i_size / punch range',
    text: 'Take the inode lock; the range now reads as zeros (truncate lowers i_size first).',
    src: src('shmem_fallocate:punch'),
    branches: {
      truncate: {
        label: 'inode_lock (do_truncate); shmem_setattr: i_size_write',
        src: src('shmem_setattr:i_size_write'),
      },
    },
    guard: (w, t) => inodeFree(w, t.id),
    run: (tx, t) => {
      const w = tx.w;
      acquire(tx, 'inode');
      if (t.actor === 'truncate') {
        took(tx, 'truncate');
        t.l.start = t.param;
        t.l.end = w.n;
        w.iSize = t.param;
        tx.ev.push({ type: 'inode.changed', nrpages: w.nrpages, iSize: w.iSize });
      } else {
        t.l.start = t.param;
        t.l.end = t.param + 1;
      }
      const ghost = tx.ghostToWrite();
      for (let i = t.l.start; i < t.l.end; i++) {
        ghost.logical[i] = 0;
        ghost.hasData[i] = false;
      }
      t.l.skipFrom = w.n;
      t.l.skipTo = w.n;
      t.pc = 'unmap';
    },
  },
  unmap: {
    label: 'unmap_mapping_range',
    text: 'Zap the PTEs of the range under the PTL (a huge PMD mapping is zapped whole).',
    src: src('unmap_mapping_range'),
    branches: {
      truncate: {
        label: 'shmem_setattr: unmap_mapping_range(holebegin)',
        src: src('shmem_setattr:unmap_mapping_range'),
      },
    },
    guard: (w, t) => spinFree(w, 'ptl', t.id),
    run: (tx, t) => {
      if (t.actor === 'truncate') took(tx, 'truncate');
      unmapRange(tx, t);
      t.l.index = t.l.start;
      t.pc = 'pass1';
      if (tx.w.xa) {
        // `|xa`: pass 1 is find_lock_entries' batches over the tree (undoWalk.ts).
        t.l.undo = { start: t.l.start, cursor: t.l.start, entries: [] };
        walkFrom(t, t.l.start);
        t.pc = 'fl_xas_load';
      }
    },
  },
  pass1: {
    label: 'find_lock_entries: trylock + remove',
    text: 'Pass 1: look up the next index; trylock a folio that lies fully inside the range and remove it; skip locked ones and large ones that straddle.',
    src: UNDO('find_lock_entries'),
    guard: (w, t) =>
      t.l.index < t.l.end
        ? firstBlock(
            lookupSpin(w, t.l.index),
            pass1Action(w, t, t.l.index) !== 'skip' ? spinFree(w, 'xa_lock', t.id) : null,
          )
        : null,
    run: (tx, t) => {
      const w = tx.w;
      const i = t.l.index;
      if (i >= t.l.end) {
        t.l.index = t.l.start;
        t.pc = 'partial_first';
        return;
      }
      const action = pass1Action(w, t, i);
      if (action === 'swap') {
        acquire(tx, 'xa_lock');
        setSlot(tx, i, { t: 'empty' });
        release(tx, 'xa_lock');
      } else if (action === 'remove') {
        const f = tx.folio((w.slots[i] as { folio: number }).folio);
        getRef(tx, f, 'lookup');
        lockPage(tx, f);
        acquire(tx, 'xa_lock');
        removeFromCache(tx, f);
        release(tx, 'xa_lock');
        unlockPage(tx, f);
        putRef(tx, f, 'lookup');
      }
      t.l.index = i + 1;
    },
  },
  ...partialStep('partial_first', (t) => t.l.start, 'partial_last'),
  ...partialStep('partial_last', (t) => t.l.end - 1, 'p2_start'),
  p2_start: {
    label: 'second pass',
    text: 'Pass 2 starts over the range, locking (and sleeping on) every folio it finds.',
    src: UNDO('second_pass'),
    local: () => true,
    run: (_tx, t) => {
      t.l.index = skipCut(t, t.l.start);
      t.l.found = false;
      t.l.pass = 2;
      t.pc = t.l.index < t.l.end ? 'p2_get' : 'finish';
    },
  },
  ...lookupSteps('p2_', 'the next index of pass 2', (tx, t, r) => pass2Found(tx, t, r.t)),
  p2_swap: {
    label: 'shmem_free_swap',
    text: 'Pass 2: free a swap entry in the range.',
    src: UNDO('free_swap'),
    guard: (w, t) => spinFree(w, 'xa_lock', t.id),
    run: (tx, t) => {
      const e = tx.w.slots[t.l.index];
      if (e?.t === 'folio') {
        t.pc = 'p2_get'; // swapped back in meanwhile: look this index up again
        return;
      }
      if (e?.t === 'swap') {
        acquire(tx, 'xa_lock');
        setSlot(tx, t.l.index, { t: 'empty' });
        release(tx, 'xa_lock');
        t.l.found = true;
      }
      nextPass2(tx, t);
    },
  },
  p2_lock: {
    label: 'folio_lock; truncate_inode_folio',
    text: 'Pass 2: lock the folio (sleeping). Left the file meanwhile: look the index up again. Else remove it, a huge one whole (v6.7: zero the covered part instead).',
    src: UNDO('truncate_folio'),
    branches: {
      split: {
        label: 'truncate_inode_partial_folio: split_folio; index = start',
        src: src('truncate_inode_partial_folio:split'),
      },
    },
    guard: (w, t) => pass2Block(w, t),
    run: (tx, t) => {
      const w = tx.w;
      const f = tx.folio(t.l.folio ?? -1);
      lockPage(tx, f);
      if (!f.mapped) {
        unlockPage(tx, f);
        dropLookup(tx, t);
        t.pc = 'p2_get'; // restart at this index: it may now hold the huge page
        return;
      }
      if (f.huge && flagsOf(w).undoRangeSplits && !covers(t, f, w.n)) {
        if (!splitsOnTruncate(w)) zeroCovered(tx, t, f);
        else if (truncatePartial(tx, t, f).split) {
          // The split's head page is the one held now: "reset the loop to pick up the new sub pages".
          const head = tx.w.slots[f.index];
          t.l.folio = head?.t === 'folio' ? head.folio : null;
          took(tx, 'split');
          if (t.l.folio !== null) unlockPage(tx, tx.folio(t.l.folio));
          dropLookup(tx, t);
          t.l.index = skipCut(t, t.l.start);
          t.pc = 'p2_get';
          return;
        }
      } else {
        acquire(tx, 'xa_lock');
        removeFromCache(tx, f);
        release(tx, 'xa_lock');
        t.l.found = true;
      }
      unlockPage(tx, f);
      dropLookup(tx, t);
      nextPass2(tx, t);
    },
  },
  finish: {
    label: 'inode_unlock',
    text: 'Drop the inode lock. Truncate (model 3) first unmaps the range again, as shmem_setattr does after shmem_truncate_range "to remove racily COWed private pages": here it also zaps a PMD a collapse mapped meanwhile. (One step: only inode-lock waiters could tell the two apart, and they wait for both.)',
    src: src('shmem_fallocate:inode_unlock'),
    branches: {
      truncate: { label: 'inode_unlock (do_truncate)', src: src('shmem_setattr') },
      unmap_again: {
        label: 'shmem_setattr: unmap_mapping_range again; inode_unlock',
        src: src('shmem_setattr:unmap_again'),
      },
    },
    guard: (w, t) => (unmapsAgain(w, t) ? spinFree(w, 'ptl', t.id) : null),
    run: (tx, t) => {
      if (unmapsAgain(tx.w, t)) {
        took(tx, 'unmap_again');
        unmapRange(tx, t);
      } else if (t.actor === 'truncate') took(tx, 'truncate');
      release(tx, 'inode');
      finish(tx, t, t.actor === 'truncate' ? `truncated to ${t.param}` : `punched ${t.param}`);
    },
  },
};

/** unmap_mapping_range over the range, under the PTL: its PTEs, and a huge PMD whole. */
function unmapRange(tx: Tx, t: DraftThread<PunchLocals>): void {
  const p = tx.w.proc;
  acquire(tx, 'ptl');
  if (p.pmd === 'huge') zapPmd(tx);
  for (let i = t.l.start; i < t.l.end; i++) if (p.ptes[i] !== null) setPte(tx, i, null);
  release(tx, 'ptl');
}

/** Model 3: shmem_setattr's second unmap_mapping_range after the truncate (shmem.c 1273-1275, 6.12.117). */
const unmapsAgain = (w: World, t: Thread<PunchLocals>) => t.actor === 'truncate' && w.model >= 3;

/** Truncate runs to EOF (lend = -1): only a punch has a last edge page, and not when it is the first. */
const noLastEdge = (t: Thread<PunchLocals>) => t.actor === 'truncate' || t.l.end - 1 === t.l.start;

/**
 * The partial-page step for one edge index (shmem_get_partial_folio + truncate_inode_partial_folio):
 * look up, lock (sleeping), re-check the mapping (on a mismatch look again), then remove a small page or
 * zero the covered part of a large folio and cut it out of pass 2.
 */
function partialStep(
  id: string,
  indexOf: (t: Thread<PunchLocals>) => number,
  next: string,
): Record<string, StepDef<string, PunchLocals>> {
  const folioAt = (w: World, t: Thread<PunchLocals>): Folio | null => {
    const e = w.slots[indexOf(t)];
    return e?.t === 'folio' ? folioOf(w, e.folio) : null;
  };
  return {
    [id]: {
      label: 'shmem_get_partial_folio; truncate_inode_partial_folio',
      text: 'Edge page: look it up and lock it (sleeping); remove a small page, or zero the covered part of a huge page (model 3: then split it, unless someone else holds a reference).',
      src: UNDO('partial'),
      branches: {
        split: {
          label: 'truncate_inode_partial_folio: folio_zero_range; split_folio',
          src: src('truncate_inode_partial_folio:split'),
        },
        no_split: {
          label: 'truncate_inode_partial_folio: split_folio fails (-EAGAIN); the dirty folio stays',
          src: src('truncate_inode_partial_folio:dirty'),
        },
      },
      guard: (w, t) => {
        if (t.l.end <= t.l.start || (id === 'partial_last' && noLastEdge(t))) return null;
        const f = folioAt(w, t);
        if (!f) return lookupSpin(w, indexOf(t));
        return firstBlock(
          lookupSpin(w, indexOf(t)),
          pageLockFree(w, f.id, t.id),
          // zeroing needs no xa_lock; removing a page or splitting (model 3) does
          f.huge && !covers(t, f, w.n) && !(splitsOnTruncate(w) && canSplitAfterGet(f, t.id))
            ? null
            : spinFree(w, 'xa_lock', t.id),
        );
      },
      run: (tx, t) => {
        t.pc = next === 'p2_start' && tx.w.xa ? 'fg_start' : next;
        const found = t.l.end > t.l.start ? folioAt(tx.w, t) : null;
        if (!found || (id === 'partial_last' && noLastEdge(t))) return;
        const f = tx.folio(found.id);
        getRef(tx, f, 'lookup');
        lockPage(tx, f);
        if (f.huge && !covers(t, f, tx.w.n) && splitsOnTruncate(tx.w)) {
          // Model 3: a split leaves small pages for pass 2 (those past i_size already gone), a refused
          // one leaves the dirty folio cut out of pass 2.
          const r = truncatePartial(tx, t, f);
          took(tx, r.split ? 'split' : 'no_split');
          unlockPage(tx, r.held);
          putRef(tx, r.held, 'lookup');
          return;
        }
        if (f.huge && !covers(t, f, tx.w.n)) zeroCovered(tx, t, f);
        else {
          acquire(tx, 'xa_lock');
          removeFromCache(tx, f);
          release(tx, 'xa_lock');
        }
        unlockPage(tx, f);
        putRef(tx, f, 'lookup');
      },
    },
  };
}

const flatListing = [
  'inode_lock',
  'unmap',
  'pass1',
  'partial_first',
  'partial_last',
  'p2_start',
  'p2_get',
  'p2_check',
  'p2_swap',
  'p2_lock',
  'finish',
];
const listing = (_flags: unknown, xa = false) => (xa ? undoWalkListing(flatListing) : flatListing);

export const punch: ActorProgram<PunchLocals> = {
  kind: 'punch',
  param: { name: 'index', min: 0, max: (n) => n - 1 },
  cursor: { at: 'scan', verb: 'punches' },
  steps: { ...steps, ...undoWalkSteps },
  entry: 'inode_lock',
  listing,
};
export const truncate: ActorProgram<PunchLocals> = {
  kind: 'truncate',
  param: { name: 'new size in pages', min: 0, max: (n) => n - 1 },
  cursor: { at: 'scan', verb: 'truncates' },
  steps: { ...steps, ...undoWalkSteps },
  entry: 'inode_lock',
  listing,
};
