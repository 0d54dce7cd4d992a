// Model 3 with `|xa`: mincore's and read's fresh lookups descend the tree one step per level (xas_load:
// the top node, then the leaf), follow a sibling to its canonical slot, and restart on a retry entry.

import { describe, expect, it } from 'vitest';
import { runSchedule } from '../run.ts';
import { Script, worldOf } from '../testkit.ts';
import { XAS_RESTART } from './types.ts';

const ids = (r: ReturnType<typeof runSchedule>, thread = 0) =>
  r.steps.filter((s) => s.thread === thread).map((s) => s.stepId);

describe('fresh lookups a level per step (model 3, |xa)', () => {
  it('read(5) on PPPPPPPP|xa=4: the upper node, then leaf 1 (with the try_get), then the reload', () => {
    const r = runSchedule(worldOf('v6.12', 'PPPPPPPP|xa=4', 'read:5'), []);
    expect(ids(r)).toEqual(['get', 'xa_descend', 'check', 'lock', 'copy']);
    expect(r.world.threads[0]?.result).toBe('6');
    expect(r.world.threads[0]?.l.xas).toBeUndefined();
  });

  it('the number of levels follows the tree: one leaf (xa=16), three levels (xa=2)', () => {
    expect(ids(runSchedule(worldOf('v6.12', 'PPPPPPPP|xa=16', 'read:5'), []))).toEqual([
      'get',
      'check',
      'lock',
      'copy',
    ]);
    expect(ids(runSchedule(worldOf('v6.12', 'PPPPPPPP|xa=2', 'read:5'), [])).slice(0, 4)).toEqual([
      'get',
      'xa_descend',
      'xa_descend',
      'check',
    ]);
  });

  it('mincore: each index not mapped is looked up with a step per level', () => {
    const r = runSchedule(worldOf('v6.12', 'PP.PPPPP|xa=4', 'mincore'), []);
    const s = ids(r);
    expect(s.slice(0, 4)).toEqual(['walk', 'pte', 'xa_descend', 'page']);
    // index 2 is a hole: the leaf's read ends the lookup, no reload
    expect(s.slice(7, 10)).toEqual(['pte', 'xa_descend', 'pte']);
    expect(r.world.threads[0]?.result).toBe('11011111');
  });

  it('model 2 keeps the one-step lookup', () => {
    expect(ids(runSchedule(worldOf('v6.12', 'PPPPPPPP|xa=4', 'read:5', 2), []))).toEqual([
      'get',
      'check',
      'lock',
      'copy',
    ]);
    expect(ids(runSchedule(worldOf('v6.12', 'PPPPPPPP|xa=4', 'mincore', 2), [])).slice(0, 3)).toEqual([
      'walk',
      'pte',
      'page',
    ]);
  });

  it('a leaf freed under the lookup reads a retry entry: back to the head, where a sibling leads to the huge page', () => {
    const s = Script.of('v6.12', 'PPPPPPPP|xa=4', 'collapse,read:5');
    s.to(0, 'xa_store_slot');
    s.step(1); // the upper node's slot 1: the pointer to leaf 1
    expect(s.thread(1).pc).toBe('xa_descend');
    const leaf1 = s.thread(1).l.xas?.node ?? -1;
    s.step(0, 4); // slot 0, free leaf 0, slot 1 (a sibling), free leaf 1
    expect(s.world.xa?.nodes[leaf1]?.freed).toBe(true);
    s.step(1); // leaf 1's slot 1 holds the retry entry
    expect(s.thread(1).pc).toBe('get');
    expect(s.thread(1).l.xas?.node).toBe(XAS_RESTART);
    expect(s.thread(1).l.folio).toBeNull();
    s.step(1); // upper slot 1 is a sibling: followed to slot 0, the huge page, referenced
    const hpage = s.thread(0).l.hpage;
    expect(s.thread(1).l.folio).toBe(hpage);
    expect(s.thread(1).l.xas).toMatchObject({ offset: 0 });
    expect(s.thread(1).pc).toBe('check');
    const r = s.finish();
    expect(ids(r, 1)).toEqual(['get', 'xa_descend', 'get', 'check', 'lock', 'copy']);
    expect(r.world.threads[1]?.result).toBe('6');
    expect(r.violations).toEqual([]);
  });

  it('a reload in the old leaf still finds the old page until its retry entry is written', () => {
    const s = Script.of('v6.12', 'PPPPPPPP|xa=4', 'collapse,read:1');
    s.to(0, 'xa_store_slot');
    s.step(1, 2); // upper slot 0 -> leaf 0; leaf 0's slot 1: page 1, referenced
    const page1 = s.thread(1).l.folio;
    s.step(0); // upper slot 0 now holds the huge page; leaf 0 not freed yet
    s.step(1); // the reload re-reads leaf 0: still page 1
    expect(s.thread(1).pc).toBe('lock');
    expect(s.thread(1).l.folio).toBe(page1);
    expect(s.thread(1).l.folio).not.toBe(s.thread(0).l.hpage);
  });
});
