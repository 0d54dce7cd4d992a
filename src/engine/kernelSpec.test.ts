import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conflictOf, formatKernel, kernelFrom, kernelOf, parseKernel } from './kernelSpec.ts';
import { SWITCHES } from './switches.ts';
import { VARIANT_IDS, VARIANTS, type VariantFlags } from './variants.ts';
import { createWorld, parseSetup } from './setup.ts';

const parse = (s: string) => {
  const r = parseKernel(s);
  if (!r.ok) throw new Error(r.error);
  return r.kernel;
};
const refusal = (s: string) => {
  const r = parseKernel(s);
  if (r.ok) throw new Error(`${s} was accepted as ${r.kernel.id}`);
  return r.error;
};

/** Any flags a switch string can spell (valid or not). */
const flagsArb: fc.Arbitrary<VariantFlags> = fc.record(
  Object.fromEntries(SWITCHES.map((s) => [s.flag, fc.constantFrom(...s.values.map((v) => v.flag))])),
) as unknown as fc.Arbitrary<VariantFlags>;

describe('kernel strings', () => {
  it('a named variant is its own kernel, with its own flags object', () => {
    for (const id of VARIANT_IDS) {
      const k = parse(id);
      expect(k.id).toBe(id);
      expect(k.base).toBe(id);
      expect(k.flags).toBe(VARIANTS[id].flags);
      expect(k.switches).toEqual([]);
    }
  });

  it('sets the switches it names on top of the base', () => {
    const k = parse('v6.4/old-pages=freeze-keep');
    expect(k.base).toBe('v6.4');
    expect(k.flags).toEqual({ ...VARIANTS['v6.4'].flags, oldPages: 'freeze-keep' });
    expect(k.switches).toEqual([{ name: 'old-pages', value: 'freeze-keep' }]);
    expect(k.title).toBe('v6.4 as released, with old-pages=freeze-keep');
    expect(parse('v6.3/drain-after-swapin=on').flags.drainAfterSwapin).toBe(true);
    expect(parse('v6.4/xas-find-fix=on').flags.xasFindFix).toBe(true);
  });

  it('prints the canonical form: switches equal to the base dropped, the rest sorted by name', () => {
    expect(parse('v6.4/old-pages=count-keep').id).toBe('v6.4');
    expect(parse('v6.4/old-pages=freeze-keep/drain-after-swapin=off').id).toBe(
      'v6.4/drain-after-swapin=off/old-pages=freeze-keep',
    );
    expect(parse('v6.4/uffd-check=off/init-hpage-first=off/drain-after-swapin=on').id).toBe(
      'v6.4/init-hpage-first=off/uffd-check=off',
    );
  });

  it('adds the commit a switched-on value comes from, so source links find the patch', () => {
    const ids = parse('v6.3/drain-after-swapin=on').commits.map((c) => c.id);
    expect(ids).toEqual(['efa3d814fad1']);
    expect(parse('v6.4/old-pages=freeze-keep').commits.map((c) => c.id)).toContain('v5-3/3');
  });

  it('refuses an unknown base or switch with the closest valid name', () => {
    expect(refusal('v6.5')).toMatch(/^unknown kernel "v6.5" \(did you mean v6.3\?\); known: v6.3, v6.3\+p1/);
    expect(refusal('v6.4/old-page=freeze-keep')).toBe(
      'kernel "v6.4/old-page=freeze-keep": unknown switch "old-page" (did you mean old-pages?); switches: drain-after-swapin, init-hpage-first, holes-stay-empty, uffd-check, old-pages, commit-order, iteration-bug, undo-range-splits, xas-find-fix',
    );
    expect(refusal('v6.4/old-pages=freeze-kep')).toBe(
      'kernel "v6.4/old-pages=freeze-kep": switch old-pages takes freeze-replace or freeze-keep or count-keep, not "freeze-kep" (did you mean freeze-keep?)',
    );
    expect(refusal('v6.4/uffd-check=yes')).toMatch(/switch uffd-check takes on or off, not "yes"/);
    expect(refusal('v6.4/uffd-check')).toMatch(/switch uffd-check needs a value: uffd-check=on\|off$/);
    expect(refusal('v6.4/uffd-check=on/uffd-check=off')).toMatch(/switch uffd-check is given twice/);
    expect(refusal('v6.4/')).toMatch(/unknown switch ""/);
  });

  it('refuses a combination the engine cannot run, naming the conflict and the valid values', () => {
    expect(refusal('v6.3/uffd-check=on')).toBe(
      'kernel "v6.3/uffd-check=on" cannot run: uffd-check=on needs commit-order=p3 or commit-order=post (the re-check runs between the copy and the final store), not commit-order=v6.3',
    );
    expect(refusal('v6.3+p1/old-pages=count-keep')).toMatch(
      /commit-order=mm-unstable .* needs old-pages=freeze-replace .*, not old-pages=count-keep/,
    );
    expect(refusal('v6.3/iteration-bug=on')).toMatch(
      /iteration-bug=on needs old-pages=count-keep or old-pages=freeze-keep/,
    );
    expect(refusal('v6.4/holes-stay-empty=off')).toMatch(
      /holes-stay-empty=off needs old-pages=freeze-replace or old-pages=freeze-keep: the rollback of old-pages=count-keep leaves/,
    );
    // The same flags set the other way round are fine.
    expect(parse('v6.3/uffd-check=on/commit-order=p3').flags.uffdCheck).toBe(true);
    expect(parse('v6.4/iteration-bug=on').flags).toEqual(VARIANTS['v6.4-rc1'].flags);
  });

  it('property: every runnable flag set round-trips through its string on every base', () => {
    fc.assert(
      fc.property(flagsArb, fc.constantFrom(...VARIANT_IDS), (flags, base) => {
        const made = kernelFrom(base, flags);
        expect(made.ok).toBe(conflictOf(flags) === null);
        if (!made.ok) return;
        const again = parse(formatKernel(base, flags));
        expect(again).toBe(made.kernel); // memoised: one object, one flags object per kernel
        expect(again.flags).toEqual(flags);
        expect(parse(again.id).id).toBe(again.id);
      }),
      { numRuns: 500 },
    );
  });

  it('every named variant runs, and spells as v6.4 with switches', () => {
    for (const id of VARIANT_IDS) {
      const f = VARIANTS[id].flags;
      expect(conflictOf(f), id).toBeNull();
      const spelled = formatKernel('v6.4', f);
      expect(parse(spelled).flags, `${id} as ${spelled}`).toEqual(f);
    }
    expect(formatKernel('v6.4', VARIANTS['v5-nak'].flags)).toBe(
      'v6.4/drain-after-swapin=off/old-pages=freeze-keep',
    );
    expect(formatKernel('v6.4', VARIANTS['v6.3+p3'].flags)).toBe(
      'v6.4/commit-order=p3/old-pages=freeze-replace',
    );
  });

  it('the world carries the resolved flags of its kernel', () => {
    const s = parseSetup('v6.4/old-pages=freeze-keep', 'PP', 'collapse');
    if (!s.ok) throw new Error(s.error.message);
    const w = createWorld(s.value);
    expect(w.variant).toBe('v6.4/old-pages=freeze-keep');
    expect(w.flags).toBe(kernelOf(w.variant).flags);
    expect(w.flags.oldPages).toBe('freeze-keep');
  });
});
