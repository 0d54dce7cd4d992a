// At the kernel's size (512 pages, XA_CHUNK_SIZE 64, K = 8 siblings), the scripted race gives the value
// measured on 6.12.117 under QEMU (shared/domain/xarray.md §5): SEEK_HOLE(0) = 384 pages.
import { describe, expect, it } from 'vitest';
import { Script } from '../testkit.ts';
import type { VariantId } from '../variants.ts';

/** The reader reaches the end of leaf 5; collapse publishes upper slots 0..6 (leaves 0..5 freed). */
function atKernelScale(kernel: VariantId) {
  const s = Script.of(kernel, `${'P'.repeat(512)}|xa`, 'collapse,seek_hole:0');
  s.until(0, (t) => t.pc === 'xa_store_slot', 5000);
  s.until(1, (t) => t.pc === 'xa_xas_climb' && t.l.index === 384, 5000);
  s.until(0, (t) => t.pc === 'xa_store_slot' && t.l.index === 7, 100);
  return s.finish();
}

describe('race (j) at the kernel size', () => {
  it('v6.12, 512 pages, |xa: SEEK_HOLE(0) reports the hole at page 384', () => {
    const r = atKernelScale('v6.12');
    expect(r.world.threads.map((t) => t.result)).toEqual(['SCAN_SUCCEED', '384']);
    expect(r.violations.map((v) => v.message)).toEqual([
      'SEEK_HOLE(0) returned 384, but slot 384 held data for the whole call',
    ]);
  });
  it('v6.12+xas-fix: the same schedule answers 512', () => {
    const r = atKernelScale('v6.12+xas-fix');
    expect(r.world.threads.map((t) => t.result)).toEqual(['SCAN_SUCCEED', '512']);
    expect(r.violations).toEqual([]);
  });
});
