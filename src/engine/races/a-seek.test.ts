// Race (a): SEEK_DATA / SEEK_HOLE see data vanish while collapse holds a !uptodate huge page in the cache.
import { describe, expect, it } from 'vitest';
import { Script } from '../testkit.ts';
import type { VariantId } from '../variants.ts';

const ids = (r: { violations: readonly { invariant: string }[] }) => r.violations.map((v) => v.invariant);

/** K runs until slot 0 is done (the scan cursor moved to 1), then S runs as far as it can, then the rest. */
function seekRace(kernel: VariantId, slots: string, seek: string) {
  const s = Script.of(kernel, slots, `collapse,${seek}`).to(0, 'scan', 1).run(1);
  return { r: s.finish(), seekAlone: s.thread(1) };
}

describe('race (a): SEEK_DATA loses data during a collapse', () => {
  it.each<VariantId>(['v6.3', 'v6.3+p1', 'v6.3+p2', 'v6.3+p3'])(
    '%s: SEEK_DATA(0) returns ENXIO and breaks `seek`',
    (k) => {
      const { r } = seekRace(k, 'PPPP', 'seek_data:0');
      expect(r.world.threads[1]?.result).toBe('ENXIO');
      expect(ids(r)).toContain('seek');
      const v = r.violations.find((x) => x.invariant === 'seek');
      expect(v?.slots).toEqual([0, 1, 2, 3]);
      expect(v?.threads).toEqual([1]);
      expect(r.world.threads[0]?.result).toBe('SCAN_SUCCEED');
    },
  );

  it.each<VariantId>(['v6.4', 'v6.7'])('%s: SEEK_DATA(0) returns 0, nothing breaks', (k) => {
    const { r } = seekRace(k, 'PPPP', 'seek_data:0');
    expect(r.world.threads[1]?.result).toBe('0');
    expect(ids(r)).toEqual([]);
    expect(r.world.threads[0]?.result).toBe('SCAN_SUCCEED');
  });

  it('v6.4-rc1: SEEK is right, but the collapse itself fails with SCAN_PAGE_LOCK', () => {
    const { r } = seekRace('v6.4-rc1', 'PPPP', 'seek_data:0');
    expect(r.world.threads[1]?.result).toBe('0');
    expect(r.world.threads[0]?.result).toBe('SCAN_PAGE_LOCK');
    expect(ids(r)).toEqual([]);
  });

  it('v5-nak: the lookup spins on the frozen page until the collapse unfreezes it, then answers 0', () => {
    const { r, seekAlone } = seekRace('v5-nak', 'PPPP', 'seek_data:0');
    expect(seekAlone.done).toBe(false);
    expect(seekAlone.pc).toBe('find');
    expect(r.world.threads[1]?.result).toBe('0');
    expect(ids(r)).not.toContain('seek');
  });

  it('v6.3: SEEK_HOLE(0) reports a hole at 0 where A sits', () => {
    const { r } = seekRace('v6.3', 'PPPP', 'seek_hole:0');
    expect(r.world.threads[1]?.result).toBe('0');
    expect(ids(r)).toContain('seek');
  });

  it('v6.4: SEEK_HOLE(0) reports the end of the file', () => {
    const { r } = seekRace('v6.4', 'PPPP', 'seek_hole:0');
    expect(r.world.threads[1]?.result).toBe('4');
    expect(ids(r)).toEqual([]);
  });

  it('a hole first: p3 keeps it empty, so SEEK_DATA(0) = 1 after the first iteration; v6.3 already says ENXIO', () => {
    expect(seekRace('v6.3+p3', '.PPP', 'seek_data:0').r.world.threads[1]?.result).toBe('1');
    expect(seekRace('v6.3', '.PPP', 'seek_data:0').r.world.threads[1]?.result).toBe('ENXIO');
  });

  it('v6.3: after the collapse SEEK_DATA is right again', () => {
    const s = Script.of('v6.3', 'PPPP', 'collapse,seek_data:0').run(0).run(1);
    expect(s.thread(0).result).toBe('SCAN_SUCCEED');
    expect(s.thread(1).result).toBe('0');
    expect(s.violations.map((v) => v.invariant)).not.toContain('seek');
  });
});
