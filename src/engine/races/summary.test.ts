// Spec §2.5.7: collapse results for the standard setups on every variant, with nothing else running.
import { describe, expect, it } from 'vitest';
import { Script } from '../testkit.ts';
import type { InvariantId } from '../types.ts';
import { VARIANT_IDS, type VariantId } from '../variants.ts';

interface Row {
  /** The collapse's result per variant. */
  readonly results: Record<VariantId, string>;
  /** The invariants the run breaks per variant, in the order first broken (none: []). */
  readonly violations: Record<VariantId, readonly InvariantId[]>;
}

/** v6.3 to p3 publish the huge page over the range before it is uptodate (patch 4/4 fixes it). */
const EXPOSED: readonly InvariantId[] = ['uptodate', 'atomic-switch'];
const BEFORE_FIX = { 'v6.3': EXPOSED, 'v6.3+p1': EXPOSED, 'v6.3+p2': EXPOSED, 'v6.3+p3': EXPOSED };
/** Before patch 3/4 a collapse also fills a hole userfaultfd MISSING promised to report. */
const FILLS_UFFD_HOLE: readonly InvariantId[] = [...EXPOSED, 'uffd'];
const UFFD_BEFORE_P3 = {
  ...BEFORE_FIX,
  'v6.3': FILLS_UFFD_HOLE,
  'v6.3+p1': FILLS_UFFD_HOLE,
  'v6.3+p2': FILLS_UFFD_HOLE,
};

const TABLE: Record<string, Row> = {
  PPPP: { results: row('SUCCEED', { 'v6.4-rc1': 'PAGE_LOCK' }), violations: broken(BEFORE_FIX) },
  'P...': { results: row('SUCCEED', { 'v6.4-rc1': 'PAGE_LOCK' }), violations: broken(BEFORE_FIX) },
  '...P': { results: row('SUCCEED', {}), violations: broken(BEFORE_FIX) },
  PPSP: {
    results: row('SUCCEED', { 'v6.3': 'DEL_PAGE_LRU', 'v5-nak': 'DEL_PAGE_LRU', 'v6.4-rc1': 'PAGE_LOCK' }),
    violations: broken(BEFORE_FIX),
  },
  PPFP: { results: row('SUCCEED', { 'v6.4-rc1': 'PAGE_LOCK' }), violations: broken(BEFORE_FIX) },
  '....': { results: row('TRUNCATED', {}), violations: broken({}) },
  'P...|uffd': {
    results: row('EXCEED_NONE_PTE', {
      'v6.3': 'SUCCEED',
      'v6.3+p1': 'SUCCEED',
      'v6.3+p2': 'SUCCEED',
      'v6.4-rc1': 'PAGE_LOCK',
    }),
    violations: broken(UFFD_BEFORE_P3),
  },
  '...P|uffd': {
    results: row('EXCEED_NONE_PTE', { 'v6.3': 'SUCCEED', 'v6.3+p1': 'SUCCEED', 'v6.3+p2': 'SUCCEED' }),
    violations: broken(UFFD_BEFORE_P3),
  },
  'PPPP|uffd': { results: row('SUCCEED', { 'v6.4-rc1': 'PAGE_LOCK' }), violations: broken(BEFORE_FIX) },
  HHHH: { results: row('PTE_MAPPED_HUGEPAGE', {}), violations: broken({}) },
};

function row(all: string, except: Partial<Record<VariantId, string>>): Record<VariantId, string> {
  return Object.fromEntries(VARIANT_IDS.map((v) => [v, `SCAN_${except[v] ?? all}`])) as Record<
    VariantId,
    string
  >;
}

/** The invariants each variant breaks: those listed, none for the others. */
function broken(
  on: Partial<Record<VariantId, readonly InvariantId[]>>,
): Record<VariantId, readonly InvariantId[]> {
  return Object.fromEntries(VARIANT_IDS.map((v) => [v, on[v] ?? []])) as Record<
    VariantId,
    readonly InvariantId[]
  >;
}

describe('collapse alone, per setup and variant (spec §2.5.7)', () => {
  for (const [slots, { results, violations }] of Object.entries(TABLE)) {
    it.each(VARIANT_IDS)(`${slots} on %s`, (k) => {
      const r = Script.of(k, slots, 'collapse').finish();
      expect(r.world.threads[0]?.result).toBe(results[k]);
      expect(r.stuck).toBeNull();
      expect([...new Set(r.violations.map((v) => v.invariant))]).toEqual(violations[k]);
    });
  }

  it('a successful collapse leaves one uptodate huge page with every slot in order', () => {
    const r = Script.of('v6.4', 'MP.SF', 'collapse').finish();
    expect(r.world.threads[0]?.result).toBe('SCAN_SUCCEED');
    const h = r.world.folios[r.world.threads[0]?.l.hpage ?? -1];
    // MADV_COLLAPSE (model 2) maps it by PMD at once: 5 cache references and the PMD's.
    expect(h).toMatchObject({ uptodate: true, locked: null, refcount: 6, lru: true, dirty: true });
    expect(h?.data).toEqual([1, 2, 0, 4, 0]);
    expect(r.world.slots.every((e) => e.t === 'folio' && e.folio === h?.id)).toBe(true);
    expect(r.world.nrpages).toBe(5);
    expect(r.world.proc.pmd).toBe('huge');
    expect(Object.keys(r.world.folios)).toEqual([String(h?.id)]);
  });
});
