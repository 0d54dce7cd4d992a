// Race (c): v5 keeps old pages frozen in the cache; mincore (or the memcg v1 walk) spins on one while
// holding the page table lock that collapse needs to unmap the next page.
import { describe, expect, it } from 'vitest';
import { Script } from '../testkit.ts';
import type { VariantId } from '../variants.ts';

function deadlockRace(kernel: VariantId, walker: 'mincore' | 'memcg_move') {
  const s = Script.of(kernel, 'PMPP', `collapse,${walker}`).to(0, 'scan', 1).run(1).run(0);
  return { s, r: s.finish() };
}

describe('race (c): deadlock with long-lived frozen pages', () => {
  it.each(['mincore', 'memcg_move'] as const)(
    'v5-nak with %s: both threads stop for good, `progress` names the cycle',
    (walker) => {
      const { s, r } = deadlockRace('v5-nak', walker);
      expect(s.thread(1).pc).toBe('pte');
      expect(s.thread(0).pc).toBe('unmap');
      expect(s.world.locks.ptl).toBe(1);
      const v = r.violations.find((x) => x.invariant === 'progress');
      expect(v?.threads).toEqual(expect.arrayContaining([0, 1]));
      expect(v?.message).toMatch(/frozen by T0/);
      expect(v?.message).toMatch(/spinning on ptl, held by T1/);
      expect(r.stuck).toBe('no thread can run');
    },
  );

  it.each<VariantId>(['v6.3', 'v6.4', 'v6.7'])('%s: no deadlock', (k) => {
    const { r } = deadlockRace(k, 'mincore');
    expect(r.violations.map((v) => v.invariant)).not.toContain('progress');
    expect(r.stuck).toBeNull();
    expect(r.world.threads[0]?.result).toBe('SCAN_SUCCEED');
  });

  it('v6.3: mincore finishes (wrongly reporting 0 for slot 0, race b) and releases the PTL', () => {
    const { r } = deadlockRace('v6.3', 'mincore');
    expect(r.world.threads[1]?.result?.[0]).toBe('0');
  });
});
