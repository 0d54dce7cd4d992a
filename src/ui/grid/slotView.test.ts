import { describe, expect, it } from 'vitest';
import { step, type World } from '../../engine/index.ts';
import { replayFor } from '../../store/context.ts';
import { parseInput } from '../../store/parseInput.ts';
import { folioBadges, slotView, slotViews } from './slotView.ts';

function world(slots: string, threads = 'collapse'): World {
  const p = parseInput({ kernel: 'v6.4', slots, threads });
  if (!p.ok) throw new Error(p.error.message);
  return replayFor(p.value.setup).initial;
}

describe('slot views', () => {
  it('describe every kind of slot in words, classes and flag letters', () => {
    const w = world('P.SM^F');
    const views = slotViews(w, []);
    expect(views.map((v) => v.label)).toEqual([
      'slot 0: folio 0, uptodate, refcount 1, dirty, lru',
      'slot 1: a hole',
      'slot 2: a swap entry',
      'slot 3: folio 1, uptodate, refcount 1026, dirty, lru, pinned, mapped (PTE to folio 1)',
      'slot 4: folio 2, !uptodate, refcount 1, lru',
    ]);
    expect(views[3]).toMatchObject({
      entry: 'page',
      folio: 1,
      short: 'f1',
      flags: 'U 1026 D R ^ M',
      cls: 'slot entry-page has-uptodate has-ref has-dirty has-lru has-pinned has-pte',
    });
    expect(views[1]).toMatchObject({
      entry: 'hole',
      short: '·',
      flags: '',
      cls: 'slot entry-hole',
      title: 'hole',
    });
    expect(views[4]?.badges.map((b) => b.kind)).toEqual(['stale', 'ref', 'lru']);
  });

  it('show a huge page sub-page without its flags, and a retry entry', () => {
    const huge = slotViews(world('HHHH'), []);
    expect(huge.map((v) => v.title)).toEqual(['huge 0[0]', 'huge 0[1]', 'huge 0[2]', 'huge 0[3]']);
    expect(huge[2]).toMatchObject({
      entry: 'huge',
      short: 'H',
      flags: '',
      label: 'slot 2: part of huge page folio 0',
      cls: 'slot entry-huge',
    });
    // Retry entries exist only mid-collapse on some kernels: placed by hand here.
    const w = world('P.');
    const retry = slotView({ ...w, slots: [{ t: 'retry' }, ...w.slots.slice(1)] }, 0);
    expect(retry).toMatchObject({ entry: 'retry', short: 'R?', label: 'slot 0: a retry entry', folio: null });
  });

  it('share one badge list between folios with the same flags and count', () => {
    const w = world('PPPP');
    const [a, b] = [w.folios[0], w.folios[1]];
    if (!a || !b) throw new Error('no folios');
    expect(folioBadges(a)).toBe(folioBadges(b));
    expect(slotView(w, 0).badges).toBe(slotView(w, 1).badges);
  });

  it('reuse the view of every slot a step leaves alone', () => {
    let w = world('PPPP');
    const before = slotViews(w, []);
    // Step the collapse until some slot looks different (the scan locks the first page).
    let after = before;
    for (let k = 0; k < 40 && after.every((v, i) => v === before[i]); k++) {
      const r = step(w, 0);
      if (!r.ok) throw new Error(r.error.message);
      w = r.world;
      after = slotViews(w, before);
    }
    const changed = after.flatMap((v, i) => (v === before[i] ? [] : [i]));
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThan(4);
    for (const i of changed) expect(after[i]?.label).not.toBe(before[i]?.label);
  });
});
