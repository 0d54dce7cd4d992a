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
import { formatACarries, linkOrReason, linkProblem } from './linkable.ts';
import { MODEL_VERSION } from '../engine/modelVersion.ts';

// Format A predates the khugepaged actor (model 2), so its links cannot name it.
const USER_ACTORS = (Object.keys(ACTORS) as ActorKind[]).filter(
  (a) => a !== 'uffd_monitor' && a !== 'khugepaged',
);

/** A random but valid replay: a random setup and a random schedule the engine accepts. */
const replayArb: fc.Arbitrary<Replay> = fc
  .record({
    variant: fc.constantFrom(...VARIANT_IDS),
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
    compare: fc.option(fc.constantFrom(...VARIANT_IDS), { nil: null }),
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
    return {
      model: MODEL_VERSION,
      setup,
      choices,
      cursor: r.cursorPick % (choices.length + 1),
      compare: r.compare,
    };
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

  it('a 200-step schedule of 3 threads packs into about 57 URL-safe characters', () => {
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
    const payload = encodeReplay({ model: MODEL_VERSION, setup, choices, cursor: 200, compare: null });
    const empty = encodeReplay({ model: MODEL_VERSION, setup, choices: [], cursor: 0, compare: null });
    // 200 choices among 3 runnable threads carry 200 x log2(3) = 317 bits, 333 in the truncated binary
    // code (1 or 2 bits a digit): 56 base64 characters; the step count and cursor add 3 more. Steps where
    // fewer threads can run cost less (none for one).
    expect(payload.length - empty.length).toBeLessThanOrEqual(60);
    // The setup as text (64 uniform slots as one run, 3 thread words) and the checksum add about 25.
    expect(payload.length).toBeLessThanOrEqual(86);
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('builds links for any base, with the embed flag', () => {
    const r: Replay = {
      model: MODEL_VERSION,
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
    expect(link).toMatch(/^https:\/\/example\.org\/course\/collapse\/#r=B[\w-]+$/);
    expect(replayLink('https://example.org/x/?lang=en#old', r, { embed: true })).toMatch(
      /^https:\/\/example\.org\/x\/\?lang=en&embed=1#r=B/,
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
    ['#r=' + 'A'.repeat(100_000), /more than the 98304 allowed/],
  ])('%j gives a clear error', (link, message) => {
    const d = decodeReplay(link);
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.error).toMatch(message);
  });
});

describe('setups only format B carries', () => {
  const setupOf = (kernel: string, slots: string) => {
    const p = parseSetup(kernel, slots, 'collapse,seek_hole:0');
    if (!p.ok) throw new Error(p.error.message);
    return p.value;
  };
  it.each([
    ['v6.4', 'PPPPPPPP|xa=4'],
    ['v6.12', 'PPPP'],
    ['v6.12+xas-fix', 'PPPP|uffd,xa=4'],
  ])('%s %s: round-trips, with a v6.12 comparison too', (k, s) => {
    const r: Replay = {
      model: MODEL_VERSION,
      setup: setupOf(k, s),
      choices: [0, 0],
      cursor: 1,
      compare: 'v6.12',
    };
    expect(formatACarries(r.setup, r.compare)).toBe(false);
    expect(decodeReplay(encodeReplay(r))).toEqual({ ok: true, replay: r });
    expect(linkOrReason('http://x/', r)).toEqual({
      url: expect.stringMatching(/^http:\/\/x\/#r=B/) as string,
    });
  });
  it('format A cannot carry the khugepaged actor or a model 2 setup (modelVersion.ts)', () => {
    const p = parseSetup('v6.4', 'PPPP', 'khugepaged');
    if (!p.ok) throw new Error(p.error.message);
    expect(formatACarries(p.value)).toBe(false);
    expect(formatACarries({ ...setupOf('v6.4', 'PPPP'), model: 2 })).toBe(false);
    expect(formatACarries({ ...setupOf('v6.4', 'PPPP'), model: 1 })).toBe(true);
  });
  it('only a schedule past the step limit has no link, and says why', () => {
    const r: Replay = {
      model: MODEL_VERSION,
      setup: setupOf('v6.4', 'PP'),
      choices: [0, 0, 0],
      cursor: 0,
      compare: null,
    };
    expect(linkProblem(r, 2)).toBe('no replay link: this run took 3 steps and a link carries at most 2');
    expect(linkOrReason('http://x/', r, 2)).toEqual({ reason: linkProblem(r, 2) });
  });
});
