// Model 3 with `|xa`: the pre-check's scan is xas_for_each under RCU (khugepaged.c 2268), the tree walk of
// xarray/walk.ts without a reference or a reload, one step per slot read and the climb its own step, so
// it can skip the siblings of a multi-index entry stored meanwhile. Its counts live in nrNone (present)
// and nrNoneCheck (swap) until collapse_file starts them afresh. Loaded with the rest of the tree's code
// (tree.ts); entrySteps.ts's precheck step starts the walk.

import type { StepDef } from '../../program.ts';
import type { Entry } from '../../types.ts';
import type { WalkCaller } from '../../xarray/walk.ts';
import { walkOn, walkSteps } from '../../xarray/walk.ts';
import {
  endScan,
  isKhugepaged,
  judgeEntry,
  PRECHECK_BRANCHES,
  scanEnd,
  type ScanCounts,
} from './entrySteps.ts';
import type { CollapseLocals, CollapseSteps, CollapseThread } from './helpers.ts';
import type { CollapseStepId } from './sequence.ts';

const scanWalk: WalkCaller<CollapseLocals> = {
  max: (w) => w.n - 1,
  found: (tx, t, r) => {
    const k = isKhugepaged(t);
    const c: ScanCounts = { present: t.l.nrNone, swap: t.l.nrNoneCheck };
    const e: Entry =
      r.t === 'none'
        ? { t: 'empty' }
        : r.t === 'value'
          ? { t: 'swap', value: r.value }
          : { t: 'folio', folio: r.folio };
    const why = r.t === 'none' ? scanEnd(tx.w, k, c) : judgeEntry(tx.w, e, k, c);
    t.l.nrNone = c.present;
    t.l.nrNoneCheck = c.swap;
    if (r.t !== 'none' && !why) return walkOn(tx, t, 'ps_', scanWalk, true);
    endScan(tx, t as CollapseThread, why);
  },
};

type ScanWalkId = 'ps_xas_load' | 'ps_xas_next' | 'ps_xas_climb';
const scanWalkSteps = walkSteps('ps_', scanWalk, true) as Readonly<
  Record<ScanWalkId, StepDef<CollapseStepId, CollapseLocals>>
>;

/** The walk's steps carry the verdict's label on the step that ends the scan. */
export const entryTreeSteps = Object.fromEntries(
  Object.entries(scanWalkSteps).map(([id, d]) => [id, { ...d, branches: PRECHECK_BRANCHES }]),
) as unknown as typeof scanWalkSteps satisfies CollapseSteps;
