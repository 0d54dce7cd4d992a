// Hostile input: 100,000 random and mutated links, and links at the maximum schedule length. Each decodes
// to a replay or to a clear message; none throws, hangs or allocates without bound (the decoder's work is
// capped by MAX_LINK_CHARS and MAX_STEPS).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorld, parseSetup, runSchedule } from '../engine/index.ts';
import { toBase64Url } from './base64url.ts';
import { BitWriter } from './bitStream.ts';
import { checksum32 } from './formatB.ts';
import { encodeV1 } from './formatV1.ts';
import { decodeReplay, encodeReplay } from './link.ts';
import { MAX_STEPS, type Replay } from './replay.ts';
import { putText } from './textPack.ts';
import { MODEL_VERSION } from '../engine/modelVersion.ts';

// Two model 1 replays (their setups carry the model, as decoding gives it back) and today's below.
const SEED_REPLAYS: Replay[] = [
  {
    model: 1,
    setup: {
      model: 1,
      variant: 'v6.3',
      slots: {
        slots: ['P', 'P', 'P', 'P'].map(() => ({ kind: 'P' as const, pinned: false, batched: false })),
        uffd: false,
      },
      threads: [
        { actor: 'collapse', param: 0 },
        { actor: 'seek_data', param: 0 },
      ],
    },
    choices: [0, 0, 0, 0, 0, 0, 0, 1, 1, 1],
    cursor: 10,
    compare: 'v6.4',
  },
  {
    model: 1,
    setup: {
      model: 1,
      variant: 'v6.4',
      slots: {
        slots: [
          { kind: 'M', pinned: true, batched: false },
          { kind: '.', pinned: false, batched: false },
          { kind: 'S', pinned: false, batched: false },
        ],
        uffd: true,
      },
      threads: [
        { actor: 'collapse', param: 0 },
        { actor: 'fault', param: 1 },
        { actor: 'punch', param: 2 },
      ],
    },
    choices: [0, 1, 2, 0, 0],
    cursor: 3,
    compare: null,
  },
];
// Both formats: format A links are no longer written but must decode forever.
const VALID = SEED_REPLAYS.flatMap((r) => [
  `https://example.org/lab/#r=${encodeReplay(r)}`,
  `https://example.org/lab/#r=${encodeV1(r)}`,
]);

/** The reproducer: 400 slots, eight mincore threads, finished round-robin (6,416 steps). */
function longReplay(): Replay {
  const p = parseSetup('v6.4', 'P'.repeat(400), Array(8).fill('mincore').join(','));
  if (!p.ok) throw new Error(p.error.message);
  const choices = runSchedule(createWorld(p.value), []).steps.map((s) => s.thread);
  return { model: MODEL_VERSION, setup: p.value, choices, cursor: choices.length, compare: null };
}

/** A link with a valid checksum that claims MAX_STEPS steps, followed by arbitrary digits. */
function claimsMaxSteps(setup: readonly [string, string, string], digits: Uint8Array): string {
  const w = new BitWriter();
  w.putCount(1);
  for (const t of [...setup, '']) putText(w, t);
  w.putCount(MAX_STEPS + 1);
  for (const d of digits) w.put(d, 256);
  const body = w.finish();
  const sum = checksum32(body);
  return `#r=B${toBase64Url(Uint8Array.from([...body, sum >>> 24, (sum >>> 16) & 255, (sum >>> 8) & 255, sum & 255]))}`;
}

function expectClean(link: string): void {
  const d = decodeReplay(link);
  if (d.ok) {
    expect(d.replay.choices.length).toBeLessThanOrEqual(MAX_STEPS);
    expect(d.replay.cursor).toBeLessThanOrEqual(d.replay.choices.length);
  } else {
    expect(typeof d.error).toBe('string');
    expect(d.error.length).toBeGreaterThan(10);
    expect(d.error.length).toBeLessThan(300);
  }
}

const mutation = fc.record({
  base: fc.constantFrom(...VALID),
  edits: fc.array(
    fc.record({
      kind: fc.constantFrom('replace', 'insert', 'delete', 'truncate'),
      at: fc.nat(),
      ch: fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }),
    }),
    { minLength: 1, maxLength: 4 },
  ),
});

function mutate(m: { base: string; edits: { kind: string; at: number; ch: string }[] }): string {
  let s = m.base;
  for (const e of m.edits) {
    const i = e.at % (s.length + 1);
    if (e.kind === 'replace') s = s.slice(0, i) + e.ch + s.slice(i + 1);
    else if (e.kind === 'insert') s = s.slice(0, i) + e.ch + s.slice(i);
    else if (e.kind === 'delete') s = s.slice(0, i) + s.slice(i + 1);
    else s = s.slice(0, i);
  }
  return s;
}

describe('decoding hostile links', () => {
  it('50,000 random strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 80, unit: 'binary' }),
          fc.string({ maxLength: 80 }).map((s) => `#r=A${s}`),
          fc.string({ maxLength: 80 }).map((s) => `#r=B${s}`),
          fc.base64String({ maxLength: 60 }).map((s) => `#r=A${s.replace(/[+/=]/g, '_')}`),
          fc.base64String({ maxLength: 60 }).map((s) => `#r=B${s.replace(/[+/=]/g, '_')}`),
        ),
        (s) => expectClean(s),
      ),
      { numRuns: 50_000, seed: 1 },
    );
  });

  it('50,000 mutated valid links', () => {
    fc.assert(
      fc.property(mutation, (m) => expectClean(mutate(m))),
      { numRuns: 50_000, seed: 2 },
    );
  });

  it('links claiming the maximum schedule length, with arbitrary digits, stay bounded', () => {
    const setups = [
      ['v6.4', 'P'.repeat(512), 'collapse,seek_hole:0,mincore,mincore'],
      ['v6.3', 'PPPP', 'collapse,seek_data:0'],
      ['v6.4', 'P'.repeat(400), Array(8).fill('mincore').join(',')],
    ] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...setups),
        // Up to 4,800 bits: thousands of steps on 512 slots before the digits run out.
        fc.uint8Array({ minLength: 0, maxLength: 600 }),
        (setup, digits) => expectClean(claimsMaxSteps(setup, digits)),
      ),
      { numRuns: 40, seed: 3 },
    );
  }, 120_000);

  it('1,000 mutations of the payload of a 6,416-step link', () => {
    const long = encodeReplay(longReplay());
    expect(decodeReplay(long).ok).toBe(true);
    // The payload alone is mutated: an intact payload behind a mutated address would only replay the
    // same 6,416 steps again (0.6 s each), which the untouched-link test already covers.
    fc.assert(
      fc.property(mutation, (m) => {
        const s = mutate({ ...m, base: long });
        if (s !== long) expectClean(s);
      }),
      { numRuns: 1000, seed: 4 },
    );
  }, 120_000);

  it('oversized and pathological inputs are refused at once', () => {
    expectClean(`#r=A${'_'.repeat(100_000)}`);
    expectClean(`#r=B${'_'.repeat(100_000)}`);
    expectClean(`#r=B${'A'.repeat(90_000)}`);
    expectClean('#r='.repeat(10_000));
    expectClean('\u0000'.repeat(3000));
    expect(decodeReplay(`#r=A${'_'.repeat(100_000)}`)).toMatchObject({ ok: false });
  });

  it('the untouched links still decode', () => {
    for (const link of VALID) expect(decodeReplay(link).ok).toBe(true);
  });
});
