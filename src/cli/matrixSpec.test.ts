// The fix matrix against the spec: the table of §2.5.7 ("races buggy" per variant) and the verdicts of
// §4, cell by cell, plus the single flips the issue names: 4/4's uptodate ordering fixes SEEK_DATA and
// mincore, 3/4 the userfaultfd hole, 1/4 the swap-in failure, and old pages kept frozen deadlock.
import { describe, expect, it } from 'vitest';
import type { InvariantId } from '../engine/index.ts';
import { SCENARIOS } from '../scenarios/index.ts';
import { matrixColumns, planMatrix, runCell, type MatrixCellDetail } from '../explorer/index.ts';

const row = (id: string) => {
  const s = SCENARIOS.find((x) => x.id === id);
  if (!s) throw new Error(`no race ${id}`);
  return { race: s.id, slots: s.slots, threads: s.threads };
};
const cell = (race: string, kernel: string): MatrixCellDetail => {
  const c = runCell({ row: row(race), kernel }, { now: () => 0 });
  expect(c.complete, `${race} on ${kernel}`).toBe(true);
  return c;
};
const TABLE = ['v6.3', 'v6.3+p1', 'v6.3+p2', 'v6.3+p3', 'v6.4-rc1', 'v6.4', 'v5-nak', 'v6.7'] as const;
/** Per race of §4, its invariant and the §2.5.7 columns where it is buggy. */
const BUGGY: readonly (readonly [string, InvariantId, readonly string[]])[] = [
  ['seek-data', 'seek', ['v6.3', 'v6.3+p1', 'v6.3+p2', 'v6.3+p3']], // (a)
  ['mincore', 'mincore', ['v6.3', 'v6.3+p1', 'v6.3+p2', 'v6.3+p3']], // (b)
  ['frozen-deadlock', 'progress', ['v5-nak']], // (c)
  ['uffd-hole', 'uffd', ['v6.3', 'v6.3+p1', 'v6.3+p2']], // (d)
  // (g): buggy until v6.7; v6.4-rc1's collapse never gets far enough here ("rarely runs").
  ['truncate-huge', 'data', ['v6.3', 'v6.3+p1', 'v6.3+p2', 'v6.3+p3', 'v6.4', 'v5-nak']],
];

describe('the fix matrix against the spec', () => {
  it('has the named variants, then every runnable single flip from v6.4, then the new ones from v6.3', () => {
    const { columns, refused } = matrixColumns();
    const kernels = columns.map((c) => c.kernel);
    expect(kernels.slice(0, 10)).toEqual([
      'v6.3',
      'v6.3+p1',
      'v6.3+p2',
      'v6.3+p3',
      'v6.4-rc1',
      'v6.4',
      'v6.7',
      'v5-nak',
      'v6.12',
      'v6.12+xas-fix',
    ]);
    expect(kernels).toContain('v6.4/drain-after-swapin=off');
    expect(kernels).toContain('v6.4/old-pages=freeze-keep');
    expect(kernels).toContain('v6.4/commit-order=p3');
    expect(kernels).toContain('v6.3/drain-after-swapin=on');
    expect(columns.find((c) => c.kernel === 'v6.4/uffd-check=off')?.commit?.id).toBe('ac492b9c70ca');
    expect(columns.find((c) => c.kernel === 'v6.4/old-pages=freeze-keep')?.commit?.id).toBe('v5-3/3');
    expect(columns).toHaveLength(28);
    expect(refused.map((r) => r.kernel)).toEqual([
      'v6.4/holes-stay-empty=off',
      'v6.4/commit-order=v6.3',
      'v6.4/commit-order=mm-unstable',
      'v6.3/uffd-check=on',
      'v6.3/old-pages=count-keep',
      'v6.3/iteration-bug=on',
    ]);
    // Kernels with the same flags share one search: v6.7 and v6.12, v6.4-rc1 and v6.4/iteration-bug=on.
    const { tasks } = planMatrix([row('lru-drain')], kernels);
    expect(tasks).toHaveLength(25);
  });

  for (const [race, inv, buggy] of BUGGY)
    it(`${race}: ${inv} is broken exactly on ${buggy.join(', ')} (§2.5.7)`, () => {
      for (const k of TABLE)
        expect(cell(race, k).broken.includes(inv), `${race} on ${k}`).toBe(buggy.includes(k));
    });

  it('(e) the swap-in failure: v6.3 and v5-nak never collapse, patch 1/4 does (§2.5.7 S row)', () => {
    for (const k of ['v6.3', 'v5-nak', 'v6.4/drain-after-swapin=off'])
      expect(cell('lru-drain', k).collapseResults, k).toEqual(['SCAN_DEL_PAGE_LRU']);
    for (const k of ['v6.3+p1', 'v6.3+p3', 'v6.4', 'v6.3/drain-after-swapin=on'])
      expect(cell('lru-drain', k).collapseResults, k).toContain('SCAN_SUCCEED');
  });

  it('(f) fast GUP and (h) a filled hole break no data invariant on any variant of the table', () => {
    for (const k of ['v6.3', 'v6.3+p3', 'v6.4']) {
      expect(
        cell('fast-gup', k).broken.filter((b) => b === 'gup' || b === 'mapping' || b === 'data'),
      ).toEqual([]);
      expect(cell('hole-filled', k).broken.filter((b) => b === 'data' || b === 'uffd')).toEqual([]);
    }
  });

  it('I7 and I8 fail from v6.3 to p3 and hold from v6.4-rc1 (§2.5.7)', () => {
    for (const k of TABLE) {
      const b = cell('seek-data', k).broken;
      const pre = ['v6.3', 'v6.3+p1', 'v6.3+p2', 'v6.3+p3'].includes(k);
      expect(b.includes('uptodate') && b.includes('atomic-switch'), k).toBe(pre);
    }
  });

  it('the iteration bug: v6.4-rc1 never collapses, v6.4 does (§2.4)', () => {
    expect(cell('iteration-bug', 'v6.4-rc1').collapseResults).toEqual(['SCAN_PAGE_LOCK']);
    expect(cell('iteration-bug', 'v6.4/iteration-bug=on').collapseResults).toEqual(['SCAN_PAGE_LOCK']);
    expect(cell('iteration-bug', 'v6.4').collapseResults).toEqual(['SCAN_SUCCEED']);
  });

  it('single flips from v6.4: which change fixes which race', () => {
    // 4/4's uptodate ordering fixes SEEK_DATA and mincore: patch 3/4's order brings both back.
    expect(cell('seek-data', 'v6.4/commit-order=p3').broken).toContain('seek');
    expect(cell('mincore', 'v6.4/commit-order=p3').broken).toContain('mincore');
    // 3/4's re-check fixes the userfaultfd hole.
    expect(cell('uffd-hole', 'v6.4/uffd-check=off').broken).toContain('uffd');
    // Keeping old pages frozen (v5) deadlocks.
    expect(cell('frozen-deadlock', 'v6.4/old-pages=freeze-keep').broken).toEqual(['progress']);
    // 55ac8bbe358b alone fixes truncate.
    expect(cell('truncate-huge', 'v6.4/undo-range-splits=on').broken).toEqual([]);
    // The xarray race of today's kernels, and the fix that is not upstream.
    expect(cell('xarray-seek-hole', 'v6.12').broken).toEqual(['seek']);
    expect(cell('xarray-seek-hole', 'v6.12+xas-fix').broken).toEqual([]);
  });
});
