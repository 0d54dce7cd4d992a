// Named variants are switches over v6.4: `v5-nak` behaves as v6.4/drain-after-swapin=off/old-pages=freeze-keep,
// state for state and verdict for verdict.
import { describe, expect, it } from 'vitest';
import { formatKernel, parseSetup, VARIANTS, type Setup } from '../../engine/index.ts';
import { checkSetup } from './check.ts';

const setupOf = (kernel: string, slots: string, threads: string): Setup => {
  const p = parseSetup(kernel, slots, threads);
  if (!p.ok) throw new Error(p.error.message);
  return p.value;
};
const verdicts = (kernel: string, slots: string, threads: string) => {
  const r = checkSetup(setupOf(kernel, slots, threads), { now: () => 0 });
  return {
    complete: r.complete,
    states: r.states,
    transitions: r.transitions,
    invariants: r.invariants.map((v) => ({ id: v.id, holds: v.holds, schedule: v.schedule })),
    outcomes: r.outcomes,
  };
};

// Small setups that reach each decision: a swapped page (1/4), a hole under uffd (3/4), a spinning
// lookup on a frozen page (v5), a punch (the undo fix).
const SETUPS: readonly (readonly [string, string])[] = [
  ['PS', 'collapse,seek_data:0'],
  ['P.|uffd', 'collapse,fault:1'],
  ['PP', 'collapse,read:0'],
  ['P.P', 'collapse,punch:1'],
];

describe('a named variant equals its switch spelling', () => {
  it('v5-nak is v6.4/drain-after-swapin=off/old-pages=freeze-keep', () => {
    expect(formatKernel('v6.4', VARIANTS['v5-nak'].flags)).toBe(
      'v6.4/drain-after-swapin=off/old-pages=freeze-keep',
    );
  });

  for (const id of ['v6.3', 'v6.3+p1', 'v6.3+p3', 'v6.4-rc1', 'v6.7', 'v5-nak'] as const) {
    const spelled = formatKernel('v6.4', VARIANTS[id].flags);
    it(`${id} = ${spelled}: the same states, transitions, verdicts and outcomes`, () => {
      for (const [slots, threads] of SETUPS) {
        const named = verdicts(id, slots, threads);
        expect(named.complete).toBe(true);
        expect(verdicts(spelled, slots, threads), `${slots} ${threads}`).toEqual(named);
      }
    });
  }
});
