// I2's premise is the data actually in memory: once collapse's huge page is published, the old pages it
// still holds are leftovers, so when a punch removes the huge page (v6.4's shmem_undo_range race,
// 55ac8bbe358b), mincore's "not resident" is true. The data loss is I3's verdict alone.

import { describe, expect, it } from 'vitest';
import { checkSetup } from './check.ts';
import { parseSetup } from '../../engine/setup.ts';
import { runSchedule } from '../../engine/run.ts';
import { worldOf } from '../../engine/testkit.ts';
import { residentSlots } from '../../engine/invariants/observers.ts';

const now = () => 0;

function verdicts(kernel: string) {
  const p = parseSetup(kernel, 'PPPP', 'collapse,punch:1,mincore');
  if (!p.ok) throw new Error(p.error.message);
  const r = checkSetup(p.value, { now });
  expect(r.complete).toBe(true);
  return Object.fromEntries(r.invariants.map((v) => [v.id, v.holds]));
}

describe("I2's premise", () => {
  it('v6.4 collapse,punch:1,mincore on PPPP: I2 quiet, I3 fires', () => {
    const v = verdicts('v6.4');
    expect(v['mincore']).toBe(true);
    expect(v['data']).toBe(false);
  });

  it('v6.7 (the shmem_undo_range fix): neither fires', () => {
    const v = verdicts('v6.7');
    expect(v['mincore']).toBe(true);
    expect(v['data']).toBe(true);
  });

  it('after the punch took the published huge page, the old pages collapse still holds are not resident', () => {
    // Model 1's schedule (collapse_file entered directly), as the explorer found it before the fix: the punch's second pass removes the huge page
    // between collapse's unlock_page(hpage) and its freeing of the old pages.
    const schedule = [
      0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0,
    ];
    const r = runSchedule(
      worldOf('v6.4', 'PPPP', 'collapse,punch:1,mincore', 1),
      [...schedule, 1, 1, 1, 1, 1],
      {
        finish: false,
      },
    );
    const w = r.world;
    expect(w.threads[0]?.pc).toBe('free_old');
    expect(w.threads[0]?.l.pagelist).toHaveLength(3);
    expect(w.slots.every((e) => e.t === 'empty')).toBe(true);
    expect(residentSlots(w)).toEqual([false, false, false, false]);
  });
});
