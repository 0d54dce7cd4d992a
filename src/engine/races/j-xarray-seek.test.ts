// Race (j), shared/domain/xarray.md §4: SEEK_HOLE's lockless xas_find climbs from an old leaf to the
// upper node after collapse_file's multi-index store published a sibling there, skips it, and reports a
// hole at the node boundary in a file with no hole. Scripted on the kernels that have the final store.
import { describe, expect, it } from 'vitest';
import { Script } from '../testkit.ts';
import type { VariantId } from '../variants.ts';

/** The reader walks leaf 0 to its end; then collapse frees leaf 0 and publishes upper slot 1. */
function boundary(kernel: VariantId) {
  const s = Script.of(kernel, 'PPPPPPPP|xa=4', 'collapse,seek_hole:0').to(0, 'xa_store_slot');
  s.to(1, 'xa_xas_climb');
  // The reader re-checked page 3 in leaf 0 before the retry entries: it is at leaf 0's end.
  const leaf0 = s.thread(1).l.xas?.node ?? -1;
  expect(s.thread(1).l.xas?.offset).toBe(4);
  expect(s.thread(1).l.index).toBe(4);
  s.step(0); // publish slot 0 (the huge page)
  expect(s.world.xa?.nodes[leaf0]?.slots.map((e) => e?.k)).toEqual(['folio', 'folio', 'folio', 'folio']);
  s.step(0); // retry entries into old leaf 0
  expect(s.world.xa?.nodes[leaf0]?.slots.map((e) => e?.k)).toEqual(['retry', 'retry', 'retry', 'retry']);
  expect(s.world.xa?.nodes[leaf0]?.freed).toBe(true);
  s.step(0); // publish slot 1: a sibling of slot 0
  const head = s.world.xa?.head;
  const upper = head?.k === 'node' ? s.world.xa?.nodes[head.node] : undefined;
  expect(upper?.slots[1]).toEqual({ k: 'sibling', offset: 0 });
  s.step(1); // climb from the freed leaf to the upper node, at offset 1
  expect(s.thread(1).l.xas).toMatchObject({ node: upper?.id, offset: 1 });
  return s;
}

describe('race (j): SEEK_HOLE reports a hole at a node boundary', () => {
  it.each<VariantId>(['v6.4', 'v6.7', 'v6.12'])('%s: the walk skips the sibling and answers 4', (k) => {
    const s = boundary(k);
    s.step(1); // read upper slot 1: a sibling, skipped; index 8 is past the end
    expect(s.thread(1).done).toBe(true);
    expect(s.thread(1).result).toBe('4');
    const v = s.violations.find((x) => x.invariant === 'seek');
    expect(v?.message).toBe('SEEK_HOLE(0) returned 4, but slot 4 held data for the whole call');
    const r = s.finish();
    expect(r.world.threads[0]?.result).toBe('SCAN_SUCCEED');
  });

  it('v6.12+xas-fix: the same schedule goes back to the canonical entry and answers 8', () => {
    const s = boundary('v6.12+xas-fix');
    s.step(1); // the sibling's canonical entry (the huge page) was not returned: go back to slot 0
    expect(s.thread(1).pc).toBe('xa_try_get');
    expect(s.thread(1).l.index).toBe(0);
    const r = s.finish();
    expect(r.world.threads[1]?.result).toBe('8');
    expect(r.violations.filter((v) => v.invariant === 'seek')).toEqual([]);
  });

  it('the re-check after the retry entries resets the walk: a fresh lookup finds the huge page', () => {
    const s = Script.of('v6.12', 'PPPPPPPP|xa=4', 'collapse,seek_hole:0').to(0, 'xa_store_slot');
    s.to(1, 'xa_xas_reload', 3); // page 3 referenced, not yet re-checked
    s.step(0).step(0); // publish slot 0, retry into leaf 0
    s.step(1); // xas_reload reads the retry entry: drop the reference, look again
    expect(s.thread(1).pc).toBe('xa_xas_load');
    expect(s.thread(1).l.folio).toBeNull();
    const r = s.finish();
    expect(r.world.threads[1]?.result).toBe('8');
  });

  it('|xa=16 on 8 slots: the in-leaf form answers an index inside the range', () => {
    const s = Script.of('v6.12', 'PPPPPPPP|xa=16', 'collapse,seek_hole:0').to(0, 'xa_store_slot');
    s.to(1, 'xa_xas_next', 3); // returned pages 0, 1, 2; about to read slot 3
    s.step(0, 5); // slots 0..4: the huge page, then siblings
    s.step(1); // slot 3 is a sibling: skipped
    s.step(1); // slot 4: a sibling, skipped
    s.step(1); // slot 5: the old page 5, returned
    const r = s.finish();
    expect(r.world.threads[1]?.result).toBe('3');
    expect(r.violations.some((v) => v.invariant === 'seek')).toBe(true);
  });
});
