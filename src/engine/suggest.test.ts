import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closest } from './suggest.ts';

describe('closest', () => {
  it.each([
    ['mincor', ['collapse', 'mincore', 'read'], 'mincore'],
    ['seek_dtaa', ['seek_data', 'seek_hole'], 'seek_data'],
    ['v6.8', ['v6.3', 'v6.4', 'v6.7'], 'v6.3'],
    ['V6.4', ['v6.3', 'v6.4'], 'v6.4'],
    ['--jsn', ['--json', '--text'], '--json'],
    ['frobnicate', ['collapse', 'mincore'], null],
    ['', ['a'], null],
    ['abc', [], null],
  ] as const)('%s among %j is %s', (word, candidates, want) => {
    expect(closest(word, candidates)).toBe(want);
  });

  it('counts a swap of neighbours as one edit, so two swaps still match', () => {
    expect(closest('mniocre', ['mincore'])).toBe('mincore');
    expect(closest('inmcoer', ['mincore'])).toBeNull();
  });

  it('breaks ties by candidate order', () => {
    expect(closest('v6.5', ['v6.4', 'v6.7'])).toBe('v6.4');
    expect(closest('v6.5', ['v6.7', 'v6.4'])).toBe('v6.7');
  });

  it('finds an exact candidate, and never anything farther than two edits', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 8 }),
        fc.array(fc.string({ maxLength: 8 }), { maxLength: 6 }),
        (w, cs) => {
          const c = closest(w, cs);
          if (w !== '' && cs.some((x) => x.toLowerCase() === w.toLowerCase()))
            expect(c?.toLowerCase()).toBe(w.toLowerCase());
          if (c !== null) expect(cs).toContain(c);
          if (c !== null) expect(Math.abs(c.length - w.length)).toBeLessThanOrEqual(2);
        },
      ),
    );
  });
});
