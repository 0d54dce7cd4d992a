// Race (g): truncate / hole punch against collapse. Pass 2 of shmem_undo_range removes a huge page
// whole before v6.7, losing data outside the punched range.
import { describe, expect, it } from 'vitest';
import { fileValue } from '../index.ts';
import { Script } from '../testkit.ts';
import type { VariantId } from '../variants.ts';

const invariants = (r: { violations: readonly { invariant: string }[] }) =>
  r.violations.map((v) => v.invariant);

/** g1: T punches slot 2 before K reaches it, K fills the hole, then T's second pass looks at slot 2. */
function g1(kernel: VariantId, kFirst: 'scan' | 'done') {
  const s = Script.of(kernel, 'PPPP', 'collapse,punch:2').to(1, 'p2_get');
  expect(s.world.slots[2]?.t).toBe('empty');
  if (kFirst === 'scan') s.to(0, 'scan', 3);
  else s.run(0);
  return s.finish();
}

describe('race (g): truncate and hole punch', () => {
  it.each<VariantId>(['v6.3', 'v6.3+p1', 'v6.3+p2'])(
    '%s, g1: pass 2 finds the unfinished huge page in the hole, waits, removes it whole',
    (k) => {
      const r = g1(k, 'scan');
      expect(r.world.threads[0]?.result).toBe('SCAN_SUCCEED');
      expect(r.world.slots.every((e) => e.t === 'empty')).toBe(true);
      const v = r.violations.find((x) => x.invariant === 'data');
      expect(v?.slots).toEqual([0, 1, 3]);
    },
  );

  it.each<VariantId>(['v6.3+p3', 'v6.4'])(
    '%s, g1 with pass 2 during the scan: the hole is still empty, safe',
    (k) => {
      const r = g1(k, 'scan');
      expect(invariants(r)).not.toContain('data');
      expect(r.world.threads[0]?.result).toBe('SCAN_SUCCEED');
    },
  );

  it.each<VariantId>(['v6.3+p3', 'v6.4', 'v6.4-rc1'])(
    '%s, g1 with the collapse committed first: the whole huge page is removed',
    (k) => {
      const s = Script.of(k, '...P', 'collapse,punch:2').to(1, 'p2_get').run(0);
      expect(s.thread(0).result).toBe('SCAN_SUCCEED');
      const r = s.finish();
      expect(r.violations.find((x) => x.invariant === 'data')?.slots).toEqual([3]);
    },
  );

  it('v6.7, g1 with the collapse committed first: pass 2 zeroes the slot and keeps the rest (model 2)', () => {
    const s = Script.of('v6.7', 'PPPP', 'collapse,punch:2', 2).to(1, 'p2_get').run(0);
    const r = s.finish();
    expect(r.violations).toEqual([]);
    const h = r.world.folios[r.world.threads[0]?.l.hpage ?? -1];
    expect(h?.data).toEqual([1, 2, 0, 4]);
  });

  /** g2: K holds C (slot 2) past the check; truncate to 1 page (slots 1..3, slot 1 a hole) runs meanwhile. */
  function g2(kernel: VariantId) {
    // T's pass 1 removes D while K holds C; K's count check passes before T's pass 2 looks C up.
    const s = Script.of(kernel, 'P.PP', 'collapse,truncate:1')
      .to(0, 'relock', 2)
      .to(1, 'p2_start')
      .to(0, 'unlock_flush')
      .run(1);
    return { s, r: s.finish() };
  }

  it('v6.4, g2 interior page: pass 2 sleeps on C, retries, removes the huge page whole', () => {
    const { s, r } = g2('v6.4');
    expect(s.thread(1).pc).toBe('p2_lock');
    expect(r.world.threads[0]?.result).toBe('SCAN_SUCCEED');
    expect(r.violations.find((x) => x.invariant === 'data')?.slots).toEqual([0]);
  });

  it('v6.4-rc1, g2: the collapse fails at start + 1 before the race matters', () => {
    expect(g2('v6.4-rc1').r.world.threads[0]?.result).toBe('SCAN_PAGE_LOCK');
  });

  it('v6.7, g2: pass 2 zeroes slots 1..3 and keeps A', () => {
    const { r } = g2('v6.7');
    expect(r.violations).toEqual([]);
    expect(r.world.iSize).toBe(1);
  });

  it('v6.3, g2: the hole already holds the huge page, so the partial-page step waits and zeroes: safe', () => {
    const { r } = g2('v6.3');
    expect(invariants(r)).not.toContain('data');
  });

  it('g3: everything punched before the loop: SCAN_TRUNCATED', () => {
    const r = Script.of('v6.4', '..P.', 'collapse,punch:2').run(1).finish();
    expect(r.world.threads[0]?.result).toBe('SCAN_TRUNCATED');
    expect(r.violations).toEqual([]);
  });

  it('edge page: punch of the page collapse holds waits for it and zeroes the huge page (safe; model 2)', () => {
    const s = Script.of('v6.4', 'PPPP', 'collapse,punch:2', 2).to(0, 'copy_all').run(1);
    expect(s.thread(1).pc).toBe('partial_first');
    const r = s.finish();
    expect(r.violations).toEqual([]);
    expect(r.world.folios[r.world.threads[0]?.l.hpage ?? -1]?.data).toEqual([1, 2, 0, 4]);
  });

  it('model 3: the same punch splits the huge page, and pass 2 removes the small page at 2', () => {
    const s = Script.of('v6.4', 'PPPP', 'collapse,punch:2').to(0, 'copy_all').run(1);
    const r = s.finish();
    expect(r.violations).toEqual([]);
    expect(r.world.folios[r.world.threads[0]?.l.hpage ?? -1]).toBeUndefined(); // split
    expect(r.world.slots.map((e) => e.t)).toEqual(['folio', 'folio', 'empty', 'folio']);
    expect([0, 1, 3].map((i) => fileValue(r.world, i))).toEqual([1, 2, 4]);
  });
});
