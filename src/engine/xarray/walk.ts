// find_get_entry over the tree (mm/filemap.c 1988-2021 with lib/xarray.c xas_find 1256-1300, xas_load,
// xas_reload): one step per slot read, the climb to the parent its own step. The walker's position is
// its xa_state in t.l.xas (node id and offset) with xa_index in t.l.index, never a copy of the tree.

import type { StepDef } from '../program.ts';
import { src } from '../sources.ts';
import type { DraftThread, Tx } from '../tx.ts';
import { fault, getRef, putRef } from '../tx.ts';
import type { Block, LocalsOf, Thread, World } from '../types.ts';
import { flagsOf } from '../kernelFlags.ts';
import { freshLoad, node, slotSpan } from './tree.ts';
import type { XaEntry, XasPos, XaTree } from './types.ts';
import { XAS_BOUNDS, XAS_RESTART } from './types.ts';
import { walkFrom } from './walkFrom.ts';

/** The locals this file's steps use (types.ts Locals): nothing else of the thread's record. */
export type WalkLocals = LocalsOf<'index' | 'folio' | 'xas'>;

/** What the walk hands its caller: a folio (referenced, re-checked), a value entry, or nothing up to max. */
export type WalkFound =
  | { readonly t: 'folio'; readonly folio: number }
  | { readonly t: 'value'; readonly value: number }
  | { readonly t: 'none' };

/** The walk's caller; L: the caller's locals (the walk itself uses only WalkLocals of them). */
export interface WalkCaller<L extends WalkLocals = WalkLocals> {
  /** The last index the walk may return (find_get_entry's max). */
  readonly max: (w: World, t: DraftThread<L>) => number;
  /** Continues the thread with what the walk found; t.l.index is the entry's xa_index. */
  readonly found: (tx: Tx, t: DraftThread<L>, r: WalkFound) => void;
}

const tree = (w: World): XaTree => w.xa ?? fault('this setup has no xarray (|xa)');
const pos = (t: Thread<WalkLocals>): XasPos => t.l.xas ?? fault(`T${t.id} has no xa_state`);
const set = (t: DraftThread<WalkLocals>, p: Partial<XasPos>) => {
  t.l.xas = { ...pos(t), ...p };
};

/** xas_next_offset (xas_move_index): the next slot of this node, then the loop's bound and end checks. */
function advance<L extends WalkLocals>(tx: Tx, t: DraftThread<L>, c: WalkCaller<L>, steps: WalkSteps): void {
  const n = node(tree(tx.w), pos(t).node);
  const offset = pos(t).offset + 1;
  const span = slotSpan(n);
  t.l.index = t.l.index - (t.l.index % (span * tree(tx.w).chunk)) + offset * span;
  set(t, { offset });
  continueAt(tx, t, c, steps);
}

/** The top of xas_find's loop: past max it returns NULL; at a node's end it climbs; else it reads. */
function continueAt<L extends WalkLocals>(
  tx: Tx,
  t: DraftThread<L>,
  c: WalkCaller<L>,
  steps: WalkSteps,
): void {
  if (t.l.index > c.max(tx.w, t)) return c.found(tx, t, { t: 'none' });
  t.pc = pos(t).offset === tree(tx.w).chunk ? steps.climb : steps.next;
}

/** xas_find returned an entry: retry resets, a value goes to the caller, a folio is try_get'd next. */
function returned<L extends WalkLocals>(
  tx: Tx,
  t: DraftThread<L>,
  e: XaEntry,
  c: WalkCaller<L>,
  steps: WalkSteps,
): void {
  if (e === null || e.k === 'node' || e.k === 'sibling') return fault(`xas_find returned a ${String(e?.k)}`);
  if (e.k === 'retry') {
    walkFrom(t, t.l.index); // xas_retry: xas_reset, look again at the same index
    t.pc = steps.load;
    return;
  }
  if (e.k === 'value') {
    set(t, { returned: -1 });
    return c.found(tx, t, { t: 'value', value: e.value });
  }
  if (steps.lockless) {
    // Read under RCU alone: no reference, no reload; the caller judges the folio as it is now.
    set(t, { returned: e.folio });
    return c.found(tx, t, { t: 'folio', folio: e.folio });
  }
  set(t, { cand: e.folio });
  t.pc = steps.tryGet;
}

interface WalkSteps {
  readonly load: string;
  readonly next: string;
  readonly climb: string;
  readonly tryGet: string;
  readonly reload: string;
  /** xas_for_each without find_get_entry (the pre-check's scan): an entry goes to the caller as read. */
  readonly lockless: boolean;
}

const stepIds = (prefix: string, lockless: boolean): WalkSteps => ({
  load: `${prefix}xas_load`,
  next: `${prefix}xas_next`,
  climb: `${prefix}xas_climb`,
  tryGet: `${prefix}try_get`,
  reload: `${prefix}xas_reload`,
  lockless,
});

/** A fresh lookup that finds a retry entry in a live slot spins (collapse's holes, spec §3). */
function loadSpin(w: World, t: Thread<WalkLocals>): Block | null {
  const e = freshLoad(tree(w), t.l.index).entry;
  return e?.k === 'retry' ? { kind: 'retry-entry', index: t.l.index, owner: w.locks.xa ?? -1 } : null;
}

/**
 * The walk's five steps, their ids prefixed (`xas_load`, `xas_next`, ... after `prefix`); `lockless`:
 * only the first three, for an xas_for_each that reads entries under RCU without taking a reference
 * (hpage_collapse_scan_file), so a folio goes to the caller from the step that read it.
 */
export function walkSteps<L extends WalkLocals>(
  prefix: string,
  c: WalkCaller<L>,
  lockless = false,
): Record<string, StepDef<string, L>> {
  const steps = stepIds(prefix, lockless);
  const all: Record<string, StepDef<string, L>> = {
    [steps.load]: {
      label: 'xas_find: xas_load (fresh)',
      text: 'Look the index up afresh from the head of the tree; a sibling entry is followed to its canonical slot. A fresh lookup is always right.',
      src: src('xas_load'),
      guard: loadSpin,
      run: (tx, t) => {
        if (t.l.index > c.max(tx.w, t)) return c.found(tx, t, { t: 'none' });
        const r = freshLoad(tree(tx.w), t.l.index);
        set(t, { node: r.node ?? XAS_BOUNDS, offset: r.offset, cand: -1 });
        if (r.entry !== null) return returned(tx, t, r.entry, c, steps);
        if (r.node === null) return c.found(tx, t, { t: 'none' });
        advance(tx, t, c, steps);
      },
    },
    [steps.next]: {
      label: 'xas_find: read the next slot',
      text: 'Read the slot the walk is at: descend into a child node, return an entry, or skip NULL and sibling entries (a sibling is skipped on the assumption that its canonical entry was already returned).',
      src: src('xas_find:sibling'),
      run: (tx, t) => {
        const tr = tree(tx.w);
        const p = pos(t);
        const n = node(tr, p.node);
        const e = n.slots[p.offset] ?? null;
        if (e?.k === 'node') {
          set(t, { node: e.node, offset: 0 });
          return continueAt(tx, t, c, steps);
        }
        if (e?.k === 'sibling' && flagsOf(tx.w).xasFindFix) {
          // The fix (not upstream): a sibling whose canonical entry this walk did not return sends the
          // walk back to that entry, as xas_find_marked does after climbing.
          const canon = n.slots[e.offset] ?? null;
          if (canon?.k === 'folio' && canon.folio !== p.returned) {
            const span = slotSpan(n);
            t.l.index = t.l.index - (t.l.index % (span * tr.chunk)) + e.offset * span;
            set(t, { offset: e.offset });
            return returned(tx, t, canon, c, steps);
          }
        }
        if (e !== null && e.k !== 'sibling') return returned(tx, t, e, c, steps);
        advance(tx, t, c, steps);
      },
    },
    [steps.climb]: {
      label: 'xas_find: climb to the parent',
      text: 'At the end of a node, move to the parent at the next offset, without re-reading the tree above. A freed node still knows its parent.',
      src: src('xas_find:parent'),
      run: (tx, t) => {
        const n = node(tree(tx.w), pos(t).node);
        if (n.parent === null) {
          set(t, { node: XAS_BOUNDS, offset: 0 });
          return c.found(tx, t, { t: 'none' });
        }
        set(t, { node: n.parent, offset: n.offset + 1 });
        continueAt(tx, t, c, steps);
      },
    },
    [steps.tryGet]: {
      label: 'folio_try_get',
      text: 'Take a reference on the folio found (a frozen folio makes the lookup spin; a freed one sends it back to look again).',
      src: src('find_get_entry:try_get'),
      guard: (w, t) => {
        const f = w.folios[pos(t).cand];
        return f && f.frozenBy !== null
          ? { kind: 'frozen', folio: f.id, index: t.l.index, owner: f.frozenBy }
          : null;
      },
      run: (tx, t) => {
        const id = pos(t).cand;
        if (!tx.w.folios[id]) {
          walkFrom(t, t.l.index);
          t.pc = steps.load;
          return;
        }
        getRef(tx, tx.folio(id), 'lookup');
        t.l.folio = id;
        t.pc = steps.reload;
      },
    },
    [steps.reload]: {
      label: 'xas_reload',
      text: 'Re-read the slot in the node the walk is at (following a sibling there); if it no longer holds that folio (a retry entry in a freed node, another folio), drop the reference and look again afresh.',
      src: src('find_get_entry:xas_reload'),
      run: (tx, t) => {
        const tr = tree(tx.w);
        const p = pos(t);
        const id = t.l.folio ?? fault('xas_reload without a folio');
        const n = node(tr, p.node);
        let e = n.slots[Math.floor(t.l.index / slotSpan(n)) % tr.chunk] ?? null;
        if (e?.k === 'sibling') e = n.slots[e.offset] ?? null;
        if (e?.k === 'folio' && e.folio === id) {
          set(t, { cand: -1, returned: id });
          return c.found(tx, t, { t: 'folio', folio: id });
        }
        putRef(tx, tx.folio(id), 'lookup');
        t.l.folio = null;
        walkFrom(t, t.l.index);
        t.pc = steps.load;
      },
    },
  };
  if (lockless) {
    delete all[steps.tryGet];
    delete all[steps.reload];
  }
  return all;
}

/** After the caller consumed a small entry: find the next one from where the walk is (xas_find). */
export function walkOn<L extends WalkLocals>(
  tx: Tx,
  t: DraftThread<L>,
  prefix: string,
  c: WalkCaller<L>,
  lockless = false,
): void {
  const p = pos(t);
  if (p.node === XAS_RESTART) {
    t.pc = `${prefix}xas_load`;
    return;
  }
  if (p.node === XAS_BOUNDS) return c.found(tx, t, { t: 'none' });
  advance(tx, t, c, stepIds(prefix, lockless));
}
