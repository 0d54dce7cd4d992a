// Spec §2.5.7: collapse results for the standard setups on every variant, with nothing else running.
import { describe, expect, it } from 'vitest';
import { Script } from '../testkit.ts';
import { VARIANT_IDS, type VariantId } from '../variants.ts';

const TABLE: Record<string, Record<VariantId, string>> = {
  PPPP: row('SUCCEED', { 'v6.4-rc1': 'PAGE_LOCK' }),
  'P...': row('SUCCEED', { 'v6.4-rc1': 'PAGE_LOCK' }),
  '...P': row('SUCCEED', {}),
  PPSP: row('SUCCEED', { 'v6.3': 'DEL_PAGE_LRU', 'v5-nak': 'DEL_PAGE_LRU', 'v6.4-rc1': 'PAGE_LOCK' }),
  PPFP: row('SUCCEED', { 'v6.4-rc1': 'PAGE_LOCK' }),
  '....': row('TRUNCATED', {}),
  'P...|uffd': row('EXCEED_NONE_PTE', {
    'v6.3': 'SUCCEED',
    'v6.3+p1': 'SUCCEED',
    'v6.3+p2': 'SUCCEED',
    'v6.4-rc1': 'PAGE_LOCK',
  }),
  '...P|uffd': row('EXCEED_NONE_PTE', { 'v6.3': 'SUCCEED', 'v6.3+p1': 'SUCCEED', 'v6.3+p2': 'SUCCEED' }),
  'PPPP|uffd': row('SUCCEED', { 'v6.4-rc1': 'PAGE_LOCK' }),
  HHHH: row('PTE_MAPPED_HUGEPAGE', {}),
};

function row(all: string, except: Partial<Record<VariantId, string>>): Record<VariantId, string> {
  return Object.fromEntries(VARIANT_IDS.map((v) => [v, `SCAN_${except[v] ?? all}`])) as Record<
    VariantId,
    string
  >;
}

describe('collapse alone, per setup and variant (spec §2.5.7)', () => {
  for (const [slots, results] of Object.entries(TABLE)) {
    it.each(VARIANT_IDS)(`${slots} on %s`, (k) => {
      const r = Script.of(k, slots, 'collapse').finish();
      expect(r.world.threads[0]?.result).toBe(results[k]);
      expect(r.stuck).toBeNull();
      const at = r.violations
        .map((v) => v.invariant)
        .filter((i) => i !== 'uptodate' && i !== 'atomic-switch' && i !== 'uffd');
      expect(at).toEqual([]);
    });
  }

  it('a successful collapse leaves one uptodate huge page with every slot in order', () => {
    const r = Script.of('v6.4', 'MP.SF', 'collapse').finish();
    expect(r.world.threads[0]?.result).toBe('SCAN_SUCCEED');
    const h = r.world.folios[r.world.threads[0]?.l.hpage ?? -1];
    expect(h).toMatchObject({ uptodate: true, locked: null, refcount: 5, lru: true, dirty: true });
    expect(h?.data).toEqual([1, 2, 0, 4, 0]);
    expect(r.world.slots.every((e) => e.t === 'folio' && e.folio === h?.id)).toBe(true);
    expect(r.world.nrpages).toBe(5);
    expect(r.world.proc.pmd).toBe('none');
    expect(Object.keys(r.world.folios)).toEqual([String(h?.id)]);
  });
});
