// Property: every valid kernel string (a variant with any runnable switches) round-trips through a replay
// link, as the setup's kernel and as the compare kernel, and the schedule replays on it. Format B carries
// the kernel as text and re-parses it, so custom kernels need no new link format.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createWorld,
  kernelFrom,
  MODEL_VERSION,
  parseSetup,
  roundRobinNext,
  runnableThreads,
  step,
  SWITCHES,
  VARIANT_IDS,
  type VariantFlags,
} from '../engine/index.ts';
import { decodeReplay, encodeReplay } from './link.ts';

const flagsArb = fc.record(
  Object.fromEntries(SWITCHES.map((s) => [s.flag, fc.constantFrom(...s.values.map((v) => v.flag))])),
) as unknown as fc.Arbitrary<VariantFlags>;
const kernelArb = fc
  .tuple(fc.constantFrom(...VARIANT_IDS), flagsArb)
  .map(([base, flags]) => kernelFrom(base, flags))
  .filter((k) => k.ok)
  .map((k) => (k.ok ? k.kernel.id : 'v6.4'));

describe('kernel strings in replay links', () => {
  it('property: every valid kernel string round-trips through a link, with its schedule', () => {
    fc.assert(
      fc.property(kernelArb, fc.option(kernelArb, { nil: null }), fc.nat(40), (kernel, compare, steps) => {
        const p = parseSetup(kernel, 'PS.P|uffd', 'collapse,seek_data:0');
        if (!p.ok) throw new Error(p.error.message);
        const choices: number[] = [];
        let w = createWorld(p.value);
        for (let i = 0; i < steps; i++) {
          const next = roundRobinNext(runnableThreads(w), choices[choices.length - 1] ?? -1);
          if (next === null) break;
          const s = step(w, next);
          if (!s.ok) throw new Error(s.error.message);
          choices.push(next);
          w = s.world;
        }
        const replay = { model: MODEL_VERSION, setup: p.value, choices, cursor: choices.length, compare };
        const payload = encodeReplay(replay);
        expect(payload[0]).toBe('B');
        const d = decodeReplay(payload);
        if (!d.ok) throw new Error(d.error);
        expect(d.replay.setup.variant).toBe(kernel);
        expect(d.replay.compare).toBe(compare);
        expect(d.replay.choices).toEqual(choices);
      }),
      { numRuns: 150 },
    );
  });
});
