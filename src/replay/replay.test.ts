// Replay links: round trips, size, golden links that must keep decoding, and clear errors.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTORS,
  createWorld,
  parseSetup,
  runnableThreads,
  step,
  VARIANT_IDS,
  type ActorKind,
  type Setup,
} from '../engine/index.ts';
import { decodeReplay, encodeReplay, replayLink } from './link.ts';
import type { Replay } from './replay.ts';
import { linkOrReason, linkProblem } from './linkable.ts';

const USER_ACTORS = (Object.keys(ACTORS) as ActorKind[]).filter((a) => a !== 'uffd_monitor');

/** The kernels link format A carries (v6.12's need format B). */
const LINKABLE = VARIANT_IDS.filter((v) => !v.startsWith('v6.12'));

/** A random but valid replay: a random setup and a random schedule the engine accepts. */
const replayArb: fc.Arbitrary<Replay> = fc
  .record({
    variant: fc.constantFrom(...LINKABLE),
    n: fc.integer({ min: 1, max: 12 }),
    kinds: fc.array(fc.constantFrom('.', 'P', 'M', 'F', 'S'), { minLength: 12, maxLength: 12 }),
    mods: fc.array(fc.nat(3), { minLength: 12, maxLength: 12 }),
    huge: fc.boolean(),
    uffd: fc.boolean(),
    threads: fc.array(fc.record({ actor: fc.constantFrom(...USER_ACTORS), p: fc.nat() }), {
      minLength: 1,
      maxLength: 5,
    }),
    picks: fc.array(fc.nat(), { maxLength: 80 }),
    cursorPick: fc.nat(),
    compare: fc.option(fc.constantFrom(...LINKABLE), { nil: null }),
  })
  .map((r) => {
    const slots = Array.from({ length: r.n }, (_, i) => {
      const kind = r.huge ? 'H' : (r.kinds[i] ?? '.');
      const m = 'PMF'.includes(kind) ? (r.mods[i] ?? 0) : 0;
      return { kind: kind as 'P', pinned: (m & 1) !== 0, batched: (m & 2) !== 0 };
    });
    const threads = r.threads.map((t) => {
      const p = ACTORS[t.actor].param;
      return { actor: t.actor, param: p ? p.min + (t.p % (p.max(r.n) - p.min + 1)) : 0 };
    });
    const setup: Setup = { variant: r.variant, slots: { slots, uffd: r.uffd }, threads };
    let w = createWorld(setup);
    const choices: number[] = [];
    for (const pick of r.picks) {
      const ready = runnableThreads(w);
      if (ready.length === 0) break;
      const c = ready[pick % ready.length] ?? 0;
      const s = step(w, c);
      if (!s.ok) break;
      w = s.world;
      choices.push(c);
    }
    return { setup, choices, cursor: r.cursorPick % (choices.length + 1), compare: r.compare };
  });

describe('replay links', () => {
  it('round-trip any valid replay exactly', () => {
    fc.assert(
      fc.property(replayArb, (r) => {
        const d = decodeReplay(encodeReplay(r));
        if (!d.ok) throw new Error(d.error);
        expect(d.replay).toEqual(r);
      }),
      { numRuns: 500, seed: 42 },
    );
  });

  it('a 200-step schedule of 3 threads packs into about 54 URL-safe characters', () => {
    const setup: Setup = {
      variant: 'v6.4',
      slots: {
        slots: Array.from({ length: 64 }, () => ({ kind: 'P', pinned: false, batched: false })),
        uffd: false,
      },
      threads: [
        { actor: 'collapse', param: 0 },
        { actor: 'mincore', param: 0 },
        { actor: 'seek_hole', param: 0 },
      ],
    };
    let w = createWorld(setup);
    const choices: number[] = [];
    let k = 0;
    while (choices.length < 200) {
      const ready = runnableThreads(w);
      const c = ready[k++ % ready.length] ?? 0;
      const s = step(w, c);
      if (!s.ok) throw new Error(s.error.message);
      w = s.world;
      choices.push(c);
    }
    const payload = encodeReplay({ setup, choices, cursor: 200, compare: null });
    const empty = encodeReplay({ setup, choices: [], cursor: 0, compare: null });
    // 200 choices among 3 runnable threads carry 200 x log2(3) = 317 bits = 53 base64 characters; the
    // step count and cursor add 3 more. Steps where fewer threads can run cost less (none for one).
    expect(payload.length - empty.length).toBeLessThanOrEqual(57);
    expect(payload.length).toBeLessThanOrEqual(72); // the setup (64 uniform slots as one run, 3 threads) adds a dozen
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('builds links for any base, with the embed flag', () => {
    const r: Replay = {
      setup: {
        variant: 'v6.4',
        slots: { slots: [{ kind: 'P', pinned: false, batched: false }], uffd: false },
        threads: [{ actor: 'collapse', param: 0 }],
      },
      choices: [0, 0],
      cursor: 1,
      compare: null,
    };
    const link = replayLink('https://example.org/course/collapse/', r);
    expect(link).toMatch(/^https:\/\/example\.org\/course\/collapse\/#r=A[\w-]+$/);
    expect(replayLink('https://example.org/x/?lang=en#old', r, { embed: true })).toMatch(
      /^https:\/\/example\.org\/x\/\?lang=en&embed=1#r=A/,
    );
    const d = decodeReplay(link);
    expect(d.ok && d.replay).toEqual(r);
  });

  it.each([
    ['', /no replay in this link|empty/],
    ['https://example.org/#view=1', /no replay in this link/],
    ['https://example.org/#r=', /empty/],
    ['#r=Z0000', /unknown replay format "Z"/],
    ['#r=AAB*C', /character 4 \("\*"\) is not allowed/],
    ['#r=AGGtbGgiOwFygGNw', /damaged/],
    ['#r=A', /too short/],
    ['#r=' + 'A'.repeat(3000), /more than the 2048 allowed/],
  ])('%j gives a clear error', (link, message) => {
    const d = decodeReplay(link);
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.error).toMatch(message);
  });
});

describe('setups format A cannot carry', () => {
  const setupOf = (kernel: string, slots: string) => {
    const p = parseSetup(kernel, slots, 'collapse,seek_hole:0');
    if (!p.ok) throw new Error(p.error.message);
    return p.value;
  };
  it.each([
    ['v6.4', 'PPPPPPPP|xa=4', /no replay link can be made for an \|xa setup yet/],
    ['v6.12', 'PPPP', /no replay link can be made for kernel v6.12 yet/],
    ['v6.12+xas-fix', 'PPPP', /for kernel v6.12\+xas-fix yet/],
  ])('%s %s: encoding says why instead of making a wrong link', (k, s, why) => {
    const r: Replay = { setup: setupOf(k, s), choices: [], cursor: 0, compare: null };
    expect(linkProblem(r.setup)).toMatch(why);
    expect(() => encodeReplay(r)).toThrow(why);
    expect(linkOrReason('http://x/', r)).toEqual({ reason: expect.stringMatching(why) as string });
  });
  it('a linkable setup compared with v6.12 says so too', () => {
    expect(linkProblem(setupOf('v6.4', 'PPPP'), 'v6.12')).toMatch(/with kernel v6.12 compared/);
  });
});
