// Race (d): a userfaultfd MISSING hole silently filled by collapse (patch 3/4).
import { describe, expect, it } from 'vitest';
import { Script } from '../testkit.ts';
import type { VariantId } from '../variants.ts';

describe('race (d): userfaultfd MISSING and collapse', () => {
  it.each<VariantId>(['v6.3', 'v6.3+p1', 'v6.3+p2'])(
    '%s: the hole is filled with zeros and the fault raises no event',
    (k) => {
      const s = Script.of(k, 'PP.P|uffd', 'collapse,fault:2').run(0).run(1);
      expect(s.thread(0).result).toBe('SCAN_SUCCEED');
      expect(s.thread(1).result).toMatch(/^mapped folio/);
      expect(s.world.uffdQueue).toEqual([]);
      expect(s.thread(2).actor).toBe('uffd_monitor');
      const v = s.violations.find((x) => x.invariant === 'uffd');
      expect(v?.slots).toEqual([2]);
      expect(v?.threads).toEqual([0]);
    },
  );

  it.each<VariantId>(['v6.3+p3', 'v6.4', 'v6.7'])(
    '%s: collapse bails with SCAN_EXCEED_NONE_PTE; the fault reaches the monitor',
    (k) => {
      const r = Script.of(k, 'PP.P|uffd', 'collapse,fault:2').run(0).finish();
      expect(r.world.threads[0]?.result).toBe('SCAN_EXCEED_NONE_PTE');
      expect(r.steps.some((st) => st.events.some((e) => e.type === 'uffd.queued' && e.index === 2))).toBe(
        true,
      );
      expect(r.world.threads[2]?.result).toMatch(/^copied \d+ into 2$/);
      expect(r.violations.map((v) => v.invariant)).not.toContain('uffd');
      expect(r.violations.map((v) => v.invariant)).not.toContain('data');
      expect(r.world.slots[2]?.t).toBe('folio');
    },
  );

  it('v6.4: registration after the re-check (retry entries in the holes) is safe: the hole was never seen missing', () => {
    const r = Script.of('v6.4', 'PP.P', 'collapse,uffd_register').to(0, 'commit').run(1).finish();
    expect(r.world.threads[0]?.result).toBe('SCAN_SUCCEED');
    expect(r.world.proc.uffdMissing).toBe(true);
    expect(r.violations).toEqual([]);
  });

  it.each(['revalidate_holes', 'revalidate_check'])(
    'v6.4: registration before %s is caught by the VMA scan',
    (pc) => {
      const r = Script.of('v6.4', 'PP.P', 'collapse,uffd_register').to(0, pc).run(1).finish();
      expect(r.world.threads[0]?.result).toBe('SCAN_EXCEED_NONE_PTE');
      expect(r.violations).toEqual([]);
    },
  );

  it('v6.3: registration racing the collapse after the hole is filled breaks nothing', () => {
    const r = Script.of('v6.3', 'PP.P', 'collapse,uffd_register').to(0, 'scan', 3).run(1).finish();
    expect(r.violations.map((v) => v.invariant)).not.toContain('uffd');
  });
});
