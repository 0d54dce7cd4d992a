import { describe, expect, it } from 'vitest';
import type { World } from '../../engine/index.ts';
import { createWorld, parseSetup, step, threadCursors } from '../../engine/index.ts';
import { holdTags, MANY_HOLDS } from './holdTags.ts';

/** Every world of collapse running alone on n present pages (v6.4). */
function worlds(n: number): World[] {
  const p = parseSetup('v6.4', 'P'.repeat(n), 'collapse');
  if (!p.ok) throw new Error(p.error.message);
  let w = createWorld(p.value);
  const out = [w];
  for (let k = 0; k < 10_000; k++) {
    const r = step(w, 0);
    if (!r.ok) break;
    w = r.world;
    out.push(w);
  }
  return out;
}

const locked = (w: World) => Object.values(w.folios).filter((f) => f.locked === 0);

describe('hold tags', () => {
  it('a few locked pages get a tag each, on their own slot', () => {
    const w = worlds(4).find((x) => locked(x).filter((f) => !f.huge).length === 4);
    if (!w) throw new Error('collapse never held the four old page locks');
    // The private huge page (locked too, not in the cache) has no slot, so no tag.
    const tags = holdTags(threadCursors(w));
    expect(tags.map((t) => [t.slot, t.text])).toEqual([
      [0, 'lock T0'],
      [1, 'lock T0'],
      [2, 'lock T0'],
      [3, 'lock T0'],
    ]);
  });

  it('512 locked old pages are one counted tag; the published huge page in 512 slots is one tag', () => {
    const all = worlds(512);
    const scan = all.find((x) => locked(x).filter((f) => !f.huge).length === 512);
    if (!scan) throw new Error('collapse never held all 512 old page locks');
    const many = holdTags(threadCursors(scan));
    expect(many.length).toBeLessThanOrEqual(2);
    expect(many.find((t) => t.text.startsWith('lock T0 ×'))?.text).toBe('lock T0 ×512');
    expect(512).toBeGreaterThan(MANY_HOLDS);
    const published = all.find(
      (x) =>
        locked(x).some((f) => f.huge) && x.slots.every((e) => e.t === 'folio' && x.folios[e.folio]?.huge),
    );
    if (!published) throw new Error('no world with the locked huge page in every slot');
    const one = holdTags(threadCursors(published)).filter((t) => t.kind === 'lock');
    expect(one).toHaveLength(1);
    expect(one[0]?.slot).toBe(0);
  });
});
