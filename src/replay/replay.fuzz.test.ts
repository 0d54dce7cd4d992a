// Hostile input: 100,000 random and mutated links. Each decodes to a replay or to a clear message; none
// throws, hangs or allocates without bound (the decoder's work is capped by MAX_LINK_CHARS and MAX_STEPS).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeReplay, encodeReplay } from './link.ts';
import type { Replay } from './replay.ts';

const SEED_REPLAYS: Replay[] = [
  {
    setup: {
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
    setup: {
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
const VALID = SEED_REPLAYS.map((r) => `https://example.org/lab/#r=${encodeReplay(r)}`);

function expectClean(link: string): void {
  const d = decodeReplay(link);
  if (d.ok) {
    expect(d.replay.choices.length).toBeLessThanOrEqual(5000);
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
          fc.base64String({ maxLength: 60 }).map((s) => `#r=A${s.replace(/[+/=]/g, '_')}`),
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

  it('oversized and pathological inputs are refused at once', () => {
    expectClean(`#r=A${'_'.repeat(100_000)}`);
    expectClean('#r='.repeat(10_000));
    expectClean('\u0000'.repeat(3000));
    expect(decodeReplay(`#r=A${'_'.repeat(100_000)}`)).toMatchObject({ ok: false });
  });

  it('the untouched links still decode', () => {
    for (const link of VALID) expect(decodeReplay(link).ok).toBe(true);
  });
});
