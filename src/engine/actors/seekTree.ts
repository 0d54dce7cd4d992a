// lseek over the tree (`|xa`): find_get_entry is the walk of xarray/walk.ts, up to the last page of the
// file. The page loads this with the rest of the tree's code (all.ts registers these programs in place
// of seek.ts's, which have every step but these).

import { dropLookup } from '../lookup.ts';
import type { ActorProgram } from '../program.ts';
import type { DraftThread, Tx } from '../tx.ts';
import { folioOf } from '../tx.ts';
import type { WalkCaller } from '../xarray/walk.ts';
import { walkOn, walkSteps } from '../xarray/walk.ts';
import { walkFrom } from '../xarray/walkFrom.ts';
import { atEnd, decide, seekData, seekHole, type SeekLocals } from './seek.ts';

/** The scan goes on at `end`: a large folio restarts the walk there, a small entry walks on. */
function walkFromEnd(tx: Tx, t: DraftThread<SeekLocals>, end: number | null, size: number): void {
  if (end === null) return;
  // A large folio: xas_set(&xas, pos) restarts the walk at its end (filemap.c 3075-3076); a small
  // entry: the walk goes on from the slot it is at.
  if (size > 1) {
    walkFrom(t, end);
    t.pc = 'xa_xas_load';
  } else walkOn(tx, t, 'xa_', treeWalk);
}

const treeWalk: WalkCaller<SeekLocals> = {
  max: (w) => Math.min(w.iSize, w.n) - 1,
  found: (tx, t, r) => {
    if (r.t === 'none') return atEnd(tx, t);
    if (r.t === 'value') return walkFromEnd(tx, t, decide(tx, t, t.l.index, true, 1), 1);
    const f = folioOf(tx.w, r.folio);
    dropLookup(tx, t);
    const size = f.huge ? tx.w.n : 1;
    walkFromEnd(tx, t, decide(tx, t, t.l.index, f.uptodate, size), size);
  },
};

const treeSteps = walkSteps('xa_', treeWalk);

const onTree = (program: ActorProgram<SeekLocals>): ActorProgram<SeekLocals> => ({
  ...program,
  steps: { ...program.steps, ...treeSteps },
  listing: (flags, xa = false) => (xa ? ['inode_lock', ...Object.keys(treeSteps)] : program.listing(flags)),
});

export const seekDataOnTree = onTree(seekData);
export const seekHoleOnTree = onTree(seekHole);
