// Race (h) (a hole filled during the collapse), the extra interleavings of (i), and the v6.4-rc1
// iteration regression.
import { describe, expect, it } from 'vitest';
import { Script } from '../testkit.ts';
import type { VariantId } from '../variants.ts';

describe('race (h): a hole filled during the collapse', () => {
  it.each<VariantId>(['v6.3+p3', 'v6.4', 'v6.7'])(
    '%s: the writer fills the hole, collapse fails with SCAN_PAGE_FILLED, the write survives',
    (k) => {
      const s = Script.of(k, 'PP.P', 'collapse,write:2', 1).to(0, 'copy_all').run(1);
      expect(s.thread(1).done).toBe(true);
      const r = s.finish();
      expect(r.world.threads[0]?.result).toBe('SCAN_PAGE_FILLED');
      expect(r.violations.map((v) => v.invariant)).not.toContain('data');
      const written = r.world.ghost.logical[2];
      expect(written).toBeGreaterThan(4);
    },
  );

  it('v6.3: the writer sleeps on the huge page in the hole and writes into it afterwards', () => {
    const s = Script.of('v6.3', 'PP.P', 'collapse,write:2', 1).to(0, 'scan', 3).run(1);
    expect(s.thread(1).pc).toBe('lock');
    const r = s.finish();
    expect(r.world.threads[0]?.result).toBe('SCAN_SUCCEED');
    expect(r.violations.map((v) => v.invariant)).not.toContain('data');
    const h = r.world.folios[r.world.threads[0]?.l.hpage ?? -1];
    expect(h?.data[2]).toBe(r.world.ghost.logical[2]);
  });

  it('v6.4: fallocate into the hole also makes the collapse back off', () => {
    const r = Script.of('v6.4', 'PP.P', 'collapse,fallocate:2', 1).to(0, 'copy_all').run(1).finish();
    expect(r.world.threads[0]?.result).toBe('SCAN_PAGE_FILLED');
  });
});

describe('(i) extra interleavings', () => {
  it('v6.4: a read that grabbed the page before the check makes the collapse bail (SCAN_PAGE_COUNT)', () => {
    const s = Script.of('v6.4', 'PPPP', 'collapse,read:0', 1).to(1, 'copy');
    const r = s.to(0, 'scan', 1).run(1).finish();
    expect(r.world.threads[0]?.result).toBe('SCAN_PAGE_COUNT');
    expect(r.world.threads[1]?.result).toBe('1');
    expect(r.violations).toEqual([]);
  });

  it('v6.4: a fault during the collapse sleeps on the old page, retries and maps the huge page', () => {
    const s = Script.of('v6.4', 'PPPP', 'collapse,fault:1', 1).to(0, 'copy_all').run(1);
    expect(s.thread(1).pc).toBe('lock');
    const r = s.finish();
    expect(r.world.threads[0]?.result).toBe('SCAN_SUCCEED');
    const h = r.world.threads[0]?.l.hpage ?? -1;
    expect(r.world.threads[1]?.result).toBe(`mapped folio ${h}`);
    expect(r.violations).toEqual([]);
  });

  it('v6.3: a fault on a replaced slot sleeps on the huge page, then maps it', () => {
    const s = Script.of('v6.3', 'PPPP', 'collapse,fault:0', 1).to(0, 'scan', 1).run(1);
    expect(s.thread(1).pc).toBe('lock');
    const r = s.finish();
    expect(r.world.threads[1]?.result).toBe(`mapped folio ${r.world.threads[0]?.l.hpage}`);
  });

  it('swap-out of a page collapse holds fails harmlessly', () => {
    const r = Script.of('v6.4', 'PPPP', 'collapse,swapout:0', 1).to(0, 'isolate', 0).run(1).finish();
    expect(r.world.threads[1]?.result).toBe('not reclaimable');
    expect(r.violations).toEqual([]);
  });
});

describe('v6.4-rc1: the iteration regression (c8a8f3b4a95a)', () => {
  it.each(['PPPP', 'P...', 'PPSP', 'PPFP'])(
    '%s: the cursor re-reads the page just collected: SCAN_PAGE_LOCK at start + 1',
    (slots) => {
      const s = Script.of('v6.4-rc1', slots, 'collapse', 1);
      const r = s.finish();
      expect(r.world.threads[0]?.result).toBe('SCAN_PAGE_LOCK');
      expect(r.violations).toEqual([]);
      expect(r.world.slots.map((e) => e.t)).toEqual(
        slots.split('').map((c) => (c === '.' ? 'empty' : c === 'S' ? 'swap' : 'folio')),
      );
    },
  );

  it('...P: a single present page at the last index still collapses', () => {
    expect(Script.of('v6.4-rc1', '...P', 'collapse', 1).finish().world.threads[0]?.result).toBe(
      'SCAN_SUCCEED',
    );
  });

  it('v6.4 (c8a8f3b4a95a applied) collapses all of them', () => {
    for (const slots of ['PPPP', 'P...', 'PPSP', 'PPFP'])
      expect(Script.of('v6.4', slots, 'collapse', 1).finish().world.threads[0]?.result).toBe('SCAN_SUCCEED');
  });
});
