// The recorded race xarray-truncate-eof: its replay breaks I13 at truncate's return with pages 4-7 of the
// huge page holding their old data past EOF; the same schedule on v6.12+xas-fix zeroes them.
import { describe, expect, it } from 'vitest';
import { createWorld, fileValue, parseSetup, runSchedule, type VariantId } from '../engine/index.ts';
import { xarrayTruncateEof as sc } from './xarrayTruncateEof.ts';

const replay = (kernel: VariantId) => {
  const p = parseSetup(kernel, sc.slots, sc.threads);
  if (!p.ok) throw new Error(p.error.message);
  return runSchedule(createWorld(p.value), sc.schedule);
};
const tail = (w: ReturnType<typeof replay>['world']) => [4, 5, 6, 7].map((i) => fileValue(w, i));

describe('xarray-truncate-eof', () => {
  it('v6.12: truncate returns at step 82 (model 3: the pre-check walks 10 slots first) with old data 5-8 in slots 4-7, past i_size 2', () => {
    const r = replay('v6.12');
    expect(r.steps).toHaveLength(sc.schedule.length);
    const v = r.violations.filter((x) => x.invariant === 'beyond-eof');
    expect(v).toMatchObject([{ step: 81, threads: [1], slots: [4, 5, 6, 7] }]);
    expect(r.steps[81]).toMatchObject({ thread: 1, stepId: 'finish' });
    expect(r.world.iSize).toBe(2);
    expect(tail(r.world)).toEqual([5, 6, 7, 8]);
    // The huge page is in the cache over every slot: truncate never saw it.
    const huge = new Set(r.world.slots.map((e) => (e.t === 'folio' ? r.world.folios[e.folio]?.huge : false)));
    expect([...huge]).toEqual([true]);
  });

  it('v6.12+xas-fix: the walk goes back to the huge page, zeroes its part past EOF, and I13 holds', () => {
    const r = replay('v6.12+xas-fix');
    expect(r.error).toBeNull();
    expect(r.steps.length).toBeGreaterThan(sc.schedule.length); // it finds the huge page and handles it
    expect(r.world.threads.map((t) => t.result)).toEqual(['SCAN_SUCCEED', 'truncated to 2']);
    expect(r.violations.map((v) => v.invariant)).toEqual([]);
    expect([2, 3, 4, 5, 6, 7].map((i) => fileValue(r.world, i))).toEqual([0, 0, 0, 0, 0, 0]);
    expect([0, 1].map((i) => fileValue(r.world, i))).toEqual([1, 2]);
  });
});
