// Model 3 with `|xa`: hpage_collapse_scan_file's xas_for_each walks the tree under RCU (khugepaged.c
// 2268-2330, 6.12.117), one step per slot read and the climb its own step; model 2 keeps its one-step scan.

import { describe, expect, it } from 'vitest';
import { runSchedule } from '../run.ts';
import { Script, worldOf } from '../testkit.ts';

const stepIds = (r: ReturnType<typeof runSchedule>, thread = 0) =>
  r.steps.filter((s) => s.thread === thread).map((s) => s.stepId);

describe("the pre-check's scan over the tree (model 3, |xa)", () => {
  it('reads each slot in its own step and climbs between the two leaves of PPPPPPPP|xa=4', () => {
    const r = runSchedule(worldOf('v6.12', 'PPPPPPPP|xa=4', 'collapse'), []);
    const ids = stepIds(r);
    const scan = ids.slice(ids.indexOf('precheck'), ids.indexOf('alloc'));
    expect(scan).toEqual([
      'precheck',
      'ps_xas_load', // page 0, fresh from the head
      'ps_xas_next', // pages 1-3 of leaf 0
      'ps_xas_next',
      'ps_xas_next',
      'ps_xas_climb', // end of leaf 0: the upper node at offset 1
      'ps_xas_next', // a child pointer: descend into leaf 1
      'ps_xas_next', // pages 4-7
      'ps_xas_next',
      'ps_xas_next',
      'ps_xas_next',
    ]);
    expect(r.world.threads[0]?.result).toBe('SCAN_SUCCEED');
    expect(r.world.threads[0]?.l.xas).toBeUndefined(); // the walk's state is gone once collapse_file starts
  });

  it('model 2 keeps the one-step scan on the same setup', () => {
    const r = runSchedule(worldOf('v6.12', 'PPPPPPPP|xa=4', 'collapse', 2), []);
    expect(stepIds(r).slice(0, 3)).toEqual(['drain_all', 'precheck', 'alloc']);
  });

  it("khugepaged's swap limit ends the walk at the slot that exceeds it (SS of 8: max_ptes_swap 1)", () => {
    const r = runSchedule(worldOf('v6.12', 'SSPPPPPP|xa=4', 'khugepaged'), []);
    expect(stepIds(r)).toEqual(['drain_all', 'precheck', 'ps_xas_load', 'ps_xas_next']);
    expect(r.world.threads[0]?.result).toBe('SCAN_EXCEED_SWAP_PTE');
  });

  // What the kernel's scan misses during a concurrent collapse: T1 reads leaf 0 (pages 0-3 pass), then T0
  // stores its huge page; T1 climbs just after upper slot 1 became a sibling and skips it.
  function raced(kernel: string) {
    const s = Script.of(kernel, 'PPPPPPPP|xa=4', 'collapse,collapse');
    s.to(1, 'ps_xas_climb');
    expect(s.thread(1).l.nrNone).toBe(4); // present: pages 0-3 of the old leaf 0
    s.to(0, 'xa_store_slot').step(0, 3); // slot 0 published, leaf 0 freed, slot 1 a sibling
    expect(s.thread(0).pc).toBe('xa_free_nodes');
    s.step(1, 2); // climb to the upper node at offset 1, read it
    return s;
  }

  it('v6.12: the scan skips the sibling, passes the range with 4 pages present, and collapse_file stops later', () => {
    const s = raced('v6.12');
    expect(s.thread(1).pc).toBe('alloc'); // no SCAN_PTE_MAPPED_HUGEPAGE from the pre-check
    const r = s.finish();
    expect(r.world.threads.map((t) => t.result)).toEqual(['SCAN_SUCCEED', 'SCAN_PTE_MAPPED_HUGEPAGE']);
    const t1 = r.steps.filter((x) => x.thread === 1).map((x) => x.stepId);
    // T1 allocated a huge page and locked the range's xarray only to find the huge page in its own scan.
    expect(t1).toContain('alloc');
    expect(t1).toContain('create_range');
    expect(r.violations).toEqual([]);
  });

  it('v6.12+xas-fix: the scan goes back to the canonical slot and sees the huge page', () => {
    const s = raced('v6.12+xas-fix');
    expect(s.thread(1).done).toBe(true);
    expect(s.thread(1).result).toBe('SCAN_PTE_MAPPED_HUGEPAGE');
    expect(
      s
        .finish()
        .steps.filter((x) => x.thread === 1)
        .map((x) => x.stepId),
    ).not.toContain('alloc');
  });
});
