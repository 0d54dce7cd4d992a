// mincore() over the mapped range (mincore_pte_range -> mincore_page, spec §3.2), and the cgroup-v1
// charge-moving walk (mc_handle_file_pte) that does the same lookup under the page table lock.

import { dropLookup, lookupSpin } from '../lookup.ts';
import type { ActorProgram, StepDef } from '../program.ts';
import type { Answer } from '../cursorRole.ts';
import { finish, firstBlock, observe, rwFree, spinFree } from '../program.ts';
import { src } from '../sources.ts';
import type { DraftThread, Tx } from '../tx.ts';
import { getRef } from '../tx.ts';
import { acquire, release } from '../locks.ts';
import type { Emit } from '../invariants/report.ts';
import type { LocalsOf, Thread, World } from '../types.ts';
import { MODEL_VERSION } from '../modelVersion.ts';
import type { Descended, DescendIds } from '../xarray/descend.ts';
import { descends, levelSpin, levelStep, reloadStep } from '../xarray/descend.ts';

/** The locals this file's steps use (types.ts Locals): nothing else of the thread's record. */
export type MincoreLocals = LocalsOf<'index' | 'folio' | 'throughout' | 'vec' | 'xas'>;

/** Model 3 with `|xa`: mincore_page's lookup reads the tree a level per step (xarray/descend.ts). */
const IDS: DescendIds = { top: 'pte', down: 'xa_descend', reload: 'page' };

function treeFound(tx: Tx, t: DraftThread<MincoreLocals>, r: Descended): void {
  if (r.t !== 'folio') return report(tx, t, t.l.index, 0);
  const up = r.folio.uptodate;
  dropLookup(tx, t);
  report(tx, t, t.l.index, up ? 1 : 0);
}

const isMincore = (t: Thread<MincoreLocals>) => t.actor === 'mincore';

function report(tx: Tx, t: DraftThread<MincoreLocals>, i: number, bit: number): void {
  t.l.vec[i] = bit;
  t.l.index = i + 1;
  t.pc = 'pte';
}

function end(tx: Tx, t: DraftThread<MincoreLocals>): void {
  if (tx.w.locks.ptl === t.id) release(tx, 'ptl');
  release(tx, 'mmap');
  if (isMincore(t)) {
    const v = t.l.vec.join('');
    observe(tx, t, 'mincore', v);
    finish(tx, t, v);
  } else finish(tx, t, 'walked');
}

const steps: Record<string, StepDef<string, MincoreLocals>> = {
  walk: {
    label: 'walk_page_range: pmd',
    text: 'Under mmap_lock (read): a huge PMD reports every page resident; a page table is walked holding its lock (PTL); no page table: look each index up.',
    src: src('mincore_pte_range'),
    guard: (w, t) =>
      firstBlock(rwFree(w, 'mmap', 'read', t.id), w.proc.pmd === 'none' ? null : spinFree(w, 'ptl', t.id)),
    run: (tx, t) => {
      const p = tx.w.proc;
      acquire(tx, 'mmap', 'read');
      t.l.vec = Array<number>(tx.w.n).fill(0);
      t.l.index = 0;
      if (p.pmd === 'huge') {
        acquire(tx, 'ptl');
        t.l.vec.fill(1);
        return end(tx, t);
      }
      if (p.pmd === 'table') acquire(tx, 'ptl');
      t.pc = 'pte';
    },
  },
  pte: {
    label: 'pte_present / mincore_page: lookup',
    text: 'A present PTE counts as resident. For pte_none look the page up in the cache (spinning on a frozen page, even while holding the PTL).',
    src: src('mincore_page'),
    guard: (w, t) => {
      if (t.l.index >= w.n || w.proc.ptes[t.l.index] !== null) return null;
      return descends(w) ? levelSpin(w, t, true) : lookupSpin(w, t.l.index);
    },
    run: (tx, t) => {
      const i = t.l.index;
      if (i >= tx.w.n) return end(tx, t);
      if (tx.w.proc.pmd === 'table' && tx.w.proc.ptes[i] !== null) return report(tx, t, i, 1);
      if (descends(tx.w)) return levelStep(tx, t, true, IDS, treeFound);
      const e = tx.w.slots[i];
      if (e?.t !== 'folio') return report(tx, t, i, 0); // hole, or swap entry with no swap-cache copy
      getRef(tx, tx.folio(e.folio), 'lookup');
      t.l.folio = e.folio;
      t.pc = 'page';
    },
  },
  page: {
    label: 'xas_reload; folio_test_uptodate',
    text: 'Re-check the slot, then report the page resident only if it is uptodate.',
    src: src('mincore_page:uptodate'),
    run: (tx, t) => {
      if (descends(tx.w)) return reloadStep(tx, t, IDS, treeFound);
      const id = t.l.folio ?? -1;
      const f = tx.folio(id);
      const e = tx.w.slots[t.l.index];
      const still = e?.t === 'folio' && e.folio === id;
      dropLookup(tx, t);
      if (!still) {
        t.pc = 'pte';
        return;
      }
      report(tx, t, t.l.index, f.uptodate ? 1 : 0);
    },
  },
  xa_descend: {
    label: 'xas_descend: the next level',
    text: 'With |xa (model 3): read the slot of the child node the lookup descended to; a sibling is followed to its canonical slot, a retry entry in a freed node sends the lookup back to the head.',
    src: src('xas_load'),
    guard: (w, t) => levelSpin(w, t, false),
    run: (tx, t) => levelStep(tx, t, false, IDS, treeFound),
  },
};

/** I2: no slot reported not resident whose data stayed in memory for the whole call. */
function checkMincore(_w: World, t: Thread<MincoreLocals>, emit: Emit): void {
  const missed = t.l.vec.flatMap((bit, i) => (bit === 0 && t.l.throughout[i] ? [i] : []));
  if (missed.length > 0)
    emit(
      'mincore',
      `mincore reported slot ${missed.join(', ')} not resident although its data stayed in memory for the whole call`,
      [t.id],
      missed,
    );
}

/** On the grid: the slots mincore's vector called not resident. */
const mincoreAnswer = (_w: World, t: Thread<MincoreLocals> & { readonly result: string }): Answer => ({
  kind: 'mincore',
  result: t.result,
  absent: t.l.vec.flatMap((bit, i) => (bit === 0 ? [i] : [])),
});

export const mincore: ActorProgram<MincoreLocals> = {
  kind: 'mincore',
  roles: { observer: { premise: 'resident', checkCall: checkMincore } },
  param: null,
  cursor: { at: 'scan', verb: 'checks', answer: mincoreAnswer },
  steps,
  entry: 'walk',
  listing: (_flags, xa = false, model = MODEL_VERSION) =>
    xa && model >= 3 ? ['walk', 'pte', 'xa_descend', 'page'] : ['walk', 'pte', 'page'],
};

export const memcgMove: ActorProgram<MincoreLocals> = {
  kind: 'memcg_move',
  param: null,
  cursor: { at: 'scan', verb: 'checks' },
  steps: Object.fromEntries(
    Object.entries(steps).map(([k, s]) => [
      k,
      { ...s, src: k === 'walk' ? src('mc_handle_file_pte') : s.src },
    ]),
  ),
  entry: 'walk',
  listing: (_flags, xa = false, model = MODEL_VERSION) =>
    xa && model >= 3 ? ['walk', 'pte', 'xa_descend', 'page'] : ['walk', 'pte', 'page'],
};
