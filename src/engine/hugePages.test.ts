import { describe, expect, it } from 'vitest';
import { collapseHugePages, folioOfView } from './hugePages.ts';
import { Script } from './testkit.ts';

describe('huge pages for the page', () => {
  it('folioOfView reads the folio a slot view names', () => {
    expect(folioOfView('folio:12')).toBe(12);
    expect(folioOfView('empty')).toBeNull();
    expect(folioOfView('retry')).toBeNull();
    expect(folioOfView('swap')).toBeNull();
  });

  it("collapseHugePages lists each collapse's huge page once allocated, until it is freed", () => {
    const s = Script.of('v6.4', 'PP', 'collapse,read:0', 1);
    expect(collapseHugePages(s.world)).toEqual([]);
    s.step(0); // alloc
    expect(collapseHugePages(s.world).map((h) => [h.folio.id, h.owner, h.folio.huge])).toEqual([
      [2, 0, true],
    ]);
    const failed = Script.of('v6.4', 'PP^', 'collapse', 1).run(0).world; // rolled back: the huge page is freed
    expect(failed.threads[0]?.result).toBe('SCAN_PAGE_COUNT');
    expect(collapseHugePages(failed)).toEqual([]);
  });
});
