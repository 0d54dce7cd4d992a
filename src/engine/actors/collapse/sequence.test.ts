// The one table of collapse's step order: what each variant lists, and that every step id has a step.
import { describe, expect, it } from 'vitest';
import { VARIANTS } from '../../variants.ts';
import { collapse } from './index.ts';
import {
  afterScan,
  COLLAPSE_STEP_IDS,
  COLLAPSE_TREE_STEP_IDS,
  collapseListing,
  nextStep,
} from './sequence.ts';
import { collapseOnTree } from './tree.ts';

const flags = (v: keyof typeof VARIANTS) => VARIANTS[v].flags;
const SCAN = ['scan', 'get_folio', 'isolate', 'unmap', 'relock', 'freeze'];
const REVALIDATE = ['revalidate_i_mmap', 'revalidate_holes', 'revalidate_check', 'relock_final'];

describe('collapse step sequence', () => {
  it('every step id has exactly one step, and nothing else does', () => {
    expect(Object.keys(collapseOnTree.steps).sort()).toEqual([...COLLAPSE_STEP_IDS].sort());
  });

  it("the first render's program has every step but the tree's, which are the same steps", () => {
    const tree: readonly string[] = COLLAPSE_TREE_STEP_IDS;
    expect(Object.keys(collapse.steps).sort()).toEqual(
      COLLAPSE_STEP_IDS.filter((id) => !tree.includes(id)).sort(),
    );
    for (const [id, def] of Object.entries(collapse.steps)) expect(collapseOnTree.steps[id]).toBe(def);
  });

  it('lists each commit order as the kernel runs it', () => {
    expect(collapseListing(flags('v6.3'))).toEqual([
      'alloc',
      'create_range',
      'init_hpage',
      ...SCAN,
      'store_hpage',
      'copy_one',
      'publish',
      'retract',
      'unlock_hpage',
      'rollback',
    ]);
    expect(collapseListing(flags('v6.3+p2'))).toEqual([
      'alloc',
      'init_hpage',
      'create_range',
      'scan',
      'get_folio',
      'drain',
      'isolate',
      'unmap',
      'relock',
      'freeze',
      'unlock_flush',
      'copy_all',
      'free_old',
      'store_hpage_relock',
      'publish',
      'retract',
      'unlock_hpage',
      'rollback',
    ]);
    expect(collapseListing(flags('v6.4')).slice(0, 3)).toEqual(['alloc', 'init_hpage', 'create_range']);
    expect(collapseListing(flags('v6.4')).slice(-10)).toEqual(
      [
        'unlock_flush',
        'copy_all',
        ...REVALIDATE,
        'commit',
        'retract',
        'unlock_hpage',
        'free_old',
        'rollback',
      ].slice(-10),
    );
  });

  it('names each successor from the table; null after the last step', () => {
    expect(afterScan(flags('v6.3'))).toBe('store_hpage');
    expect(afterScan(flags('v6.4'))).toBe('unlock_flush');
    expect(nextStep(flags('v6.4'), 'relock_final')).toBe('commit');
    expect(nextStep(flags('v6.3+p3'), 'relock_final')).toBe('store_hpage_locked');
    expect(nextStep(flags('v6.4'), 'unlock_hpage')).toBe('free_old');
    expect(nextStep(flags('v6.4'), 'free_old')).toBeNull();
    expect(nextStep(flags('v6.3'), 'unlock_hpage')).toBeNull();
    expect(() => nextStep(flags('v6.3'), 'commit')).toThrow(
      "collapse step commit is not part of this variant's sequence",
    );
  });
});
