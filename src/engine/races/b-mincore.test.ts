// Race (b): mincore reports a resident (mapped) page as not resident.
import { describe, expect, it } from 'vitest';
import { Script } from '../testkit.ts';
import type { VariantId } from '../variants.ts';

function mincoreRace(kernel: VariantId) {
  const s = Script.of(kernel, 'MPPP', 'collapse,mincore').to(0, 'scan', 1).run(1);
  return s.finish();
}

describe('race (b): mincore after try_to_unmap', () => {
  it.each<VariantId>(['v6.3', 'v6.3+p1', 'v6.3+p2', 'v6.3+p3'])(
    '%s: vec[0] = 0 and `mincore` breaks',
    (k) => {
      const r = mincoreRace(k);
      expect(r.world.threads[1]?.result).toBe('0111');
      const v = r.violations.find((x) => x.invariant === 'mincore');
      expect(v?.slots).toEqual([0]);
      expect(v?.threads).toEqual([1]);
    },
  );

  it('v6.3: in the copy window the old page is freed but the !uptodate huge page holds its copy: still 0', () => {
    const s = Script.of('v6.3', 'MPPP', 'collapse,mincore').to(0, 'copy_one', 1).run(1);
    expect(s.thread(1).result).toBe('0000');
    expect(s.violations.find((x) => x.invariant === 'mincore')?.slots).toEqual([0, 1, 2, 3]);
  });

  it.each<VariantId>(['v6.4', 'v6.7', 'v6.4-rc1'])(
    '%s: the old page is still in the cache and uptodate: 1111',
    (k) => {
      const r = mincoreRace(k);
      expect(r.world.threads[1]?.result).toBe('1111');
      expect(r.violations).toEqual([]);
    },
  );

  it('v6.4: a mincore reference at the count check makes the collapse back off (benign)', () => {
    const s = Script.of('v6.4', 'MPPP', 'collapse,mincore').to(0, 'relock').step(1, 2);
    expect(s.thread(1).pc).toBe('page'); // mincore holds a lookup reference on A
    s.step(0, 2);
    const r = s.finish();
    expect(r.world.threads[0]?.result).toBe('SCAN_PAGE_COUNT');
    expect(r.violations).toEqual([]);
  });
});
