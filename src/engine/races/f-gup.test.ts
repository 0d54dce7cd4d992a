// Race (f): fast GUP against the unmap and the refcount check (Peter Xu: "fine"). Safe in every variant.
import { describe, expect, it } from 'vitest';
import { Script } from '../testkit.ts';
import { VARIANT_IDS, type VariantId } from '../variants.ts';

const broken = (r: { violations: readonly { invariant: string }[] }) =>
  r.violations.map((v) => v.invariant).filter((i) => i !== 'uptodate' && i !== 'atomic-switch');

describe('race (f): fast GUP', () => {
  it.each<VariantId>(VARIANT_IDS)('%s, order 1: GUP grabs first, the count check sees 4 and bails', (k) => {
    const s = Script.of(k, 'MPPP', 'collapse,gup_fast:0', 1).step(1, 2); // read PTE, grab: A has 3 references
    expect(s.world.folios[0]?.refcount).toBe(3);
    const r = s.to(0, 'scan', 1).finish();
    expect(r.world.threads[0]?.result).toBe('SCAN_PAGE_COUNT');
    expect(r.world.threads[1]?.result).toMatch(/^gup folio 0/);
    expect(broken(r)).toEqual([]);
  });

  it.each<VariantId>(['v6.3', 'v6.4', 'v6.7'])(
    '%s, order 2: the check passes first; GUP falls back and faults the huge page',
    (k) => {
      const s = Script.of(k, 'MPPP', 'collapse,gup_fast:0', 1).step(1); // read the PTE (still A)
      s.to(0, 'scan', 1).step(1); // try to grab A after the check
      // v6.3 froze A, so try_grab fails at once; v6.4 grabs it and the PTE re-check sends it to the slow path.
      expect(s.thread(1).pc).toBe(k === 'v6.3' ? 'mmap_lock' : 'recheck');
      const r = s.finish();
      expect(r.world.threads[0]?.result).toBe('SCAN_SUCCEED');
      const hpage = r.world.threads[0]?.l.hpage;
      expect(r.world.threads[1]?.result).toBe(`gup folio ${hpage} (slow path)`);
      expect(broken(r)).toEqual([]);
    },
  );

  it('v6.4: a long-term pin makes the count check fail before any race', () => {
    const r = Script.of('v6.4', 'M^PPP', 'collapse', 1).finish();
    expect(r.world.threads[0]?.result).toBe('SCAN_PAGE_COUNT');
    expect(r.violations).toEqual([]);
  });

  it('v6.4: pin (FOLL_PIN) adds 1024 to the count', () => {
    const s = Script.of('v6.4', 'MPPP', 'pin:0', 1).step(0, 2);
    expect(s.world.folios[0]?.refcount).toBe(2 + 1024);
    expect(s.finish().world.threads[0]?.result).toBe('pin folio 0');
  });
});
