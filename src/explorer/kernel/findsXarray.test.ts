// Issue #12's findings, from generic setups with no schedule given (shared/domain/xarray.md §4-§6): the
// walk's skipped sibling breaks I1 at node boundaries on every kernel with the final multi-index store,
// the fixed walk holds with the search complete, and the tree's shape decides where the race can be.
import { describe, expect, it } from 'vitest';
import { parseSetup, type VariantId } from '../../engine/index.ts';
import { checkSetup, type CheckResult } from './check.ts';
import { reachableResults } from './outcomes.ts';

let fakeTime = 0;
const now = () => fakeTime++;

function check(
  kernel: VariantId,
  slots: string,
  threads = 'collapse,seek_hole:0',
  model?: number,
): CheckResult {
  const p = parseSetup(kernel, slots, threads);
  if (!p.ok) throw new Error(p.error.message);
  return checkSetup(model === undefined ? p.value : { ...p.value, model }, { now, reduce: true });
}
const seek = (r: CheckResult) => r.invariants.find((v) => v.id === 'seek');
const answers = (r: CheckResult, thread = 1) =>
  (reachableResults(r)[thread]?.results ?? []).map(Number).sort((a, b) => a - b);

describe('the xarray race, found by the explorer', () => {
  it.each<VariantId>(['v6.12', 'v6.7', 'v6.4', 'v5-nak'])(
    '%s PPPPPPPP|xa=4: I1 broken; the shortest counterexample answers 4, the node boundary',
    (k) => {
      const r = check(k, 'PPPPPPPP|xa=4');
      expect(r.complete).toBe(true);
      expect(r.faults).toEqual([]);
      expect(seek(r)?.holds).toBe(false);
      expect(seek(r)?.violation?.message).toBe(
        'SEEK_HOLE(0) returned 4, but slot 4 held data for the whole call',
      );
      expect(answers(r)).toEqual([4, 8]);
    },
  );

  it('v6.12+xas-fix PPPPPPPP|xa=4: I1 holds and the search is complete', () => {
    const r = check('v6.12+xas-fix', 'PPPPPPPP|xa=4');
    expect(r.complete).toBe(true);
    expect(r.faults).toEqual([]);
    expect(r.invariants.every((v) => v.holds === true)).toBe(true);
    expect(answers(r)).toEqual([8]);
  });

  it('|xa=8 on 8 slots: the huge page is exactly one leaf, a single slot above it: I1 holds', () => {
    const r = check('v6.12', 'PPPPPPPP|xa=8');
    expect(r.complete).toBe(true);
    expect(seek(r)?.holds).toBe(true);
    expect(answers(r)).toEqual([8]);
  });

  it('|xa=16 on 8 slots: the entry and its siblings inside one leaf: broken inside the range, fixed by xas-fix', () => {
    const r = check('v6.12', 'PPPPPPPP|xa=16');
    expect(seek(r)?.holds).toBe(false);
    expect(answers(r)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const fixed = check('v6.12+xas-fix', 'PPPPPPPP|xa=16');
    expect(fixed.complete).toBe(true);
    expect(seek(fixed)?.holds).toBe(true);
    expect(answers(fixed)).toEqual([8]);
  });

  it('|xa=4 on 16 slots: the huge page takes a single upper slot (no siblings): I1 holds', () => {
    const r = check('v6.12', `${'P'.repeat(16)}|xa=4`);
    expect(r.complete).toBe(true);
    expect(seek(r)?.holds).toBe(true);
    expect(answers(r)).toEqual([16]);
  });

  it('|xa=8 on 32 slots (four siblings): every answer is 32 or a multiple of 8, and several boundaries', () => {
    // Model 1 (collapse_file entered directly): the finding is the tree walk's, and model 2's drain and
    // pre-check, interleaved with the lookup, multiply this 32-slot search past the test's time limit.
    const r = check('v6.12', `${'P'.repeat(32)}|xa=8`, 'collapse,seek_hole:0', 1);
    expect(r.complete).toBe(true);
    expect(seek(r)?.holds).toBe(false);
    expect(answers(r)).toEqual([8, 16, 24, 32]);
  });

  it('SEEK_DATA from a run of holes that ends at a node boundary: ENXIO reachable (data lost); fixed', () => {
    const r = check('v6.12', 'PP..PPPP|xa=4', 'collapse,seek_data:2');
    expect(r.complete).toBe(true);
    expect(seek(r)?.holds).toBe(false);
    expect(reachableResults(r)[1]?.results).toEqual(['2', '3', '4', 'ENXIO']);
    const fixed = check('v6.12+xas-fix', 'PP..PPPP|xa=4', 'collapse,seek_data:2');
    expect(fixed.complete).toBe(true);
    expect(seek(fixed)?.holds).toBe(true);
    expect(reachableResults(fixed)[1]?.results).toEqual(['2', '3', '4']);
  });

  it('SEEK_DATA from an offset that holds data starts with a fresh lookup: I1 holds', () => {
    const r = check('v6.12', 'PPPPPPPP|xa=4', 'collapse,seek_data:0');
    expect(r.complete).toBe(true);
    expect(seek(r)?.holds).toBe(true);
  });
});
