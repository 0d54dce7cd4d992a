// Test support (fast-check is a dev dependency; nothing outside tests imports this): random setups and
// schedules over every variant, shared by the engine's consistency property and the explorer's
// state-encoding property.
import fc from 'fast-check';
import { ACTORS } from './actors/index.ts';
import { userActors } from './roles.ts';
import { createWorld, type ThreadSpec } from './setup.ts';
import type { ActorKind, World } from './types.ts';
import { VARIANT_IDS } from './variants.ts';

// khugepaged runs collapse's program (covered through `collapse`); leaving it out keeps the samples of
// the fixed seeds what they were. (A function: ACTORS may not exist yet when this module loads.)
const arbActors = (): ActorKind[] => userActors().filter((a) => a !== 'khugepaged');

export interface RandomSetup {
  readonly n: number;
  readonly variant: (typeof VARIANT_IDS)[number];
  readonly kinds: readonly string[];
  readonly mods: readonly string[];
  readonly uffd: boolean;
  readonly threads: readonly { readonly actor: ActorKind; readonly param: number }[];
  readonly collapse: boolean;
  /** Picks among the runnable threads, one per step (modulo their number). */
  readonly choices: readonly number[];
}

export const setupArb: fc.Arbitrary<RandomSetup> = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc
    .record({
      variant: fc.constantFrom(...VARIANT_IDS),
      kinds: fc.oneof(
        {
          weight: 9,
          arbitrary: fc.array(fc.constantFrom('.', 'P', 'M', 'F', 'S'), { minLength: n, maxLength: n }),
        },
        { weight: 1, arbitrary: fc.constant(Array<string>(n).fill('H')) },
      ),
      mods: fc.array(fc.constantFrom('', '', '', '^', '~'), { minLength: n, maxLength: n }),
      uffd: fc.boolean(),
      threads: fc.array(fc.record({ actor: fc.constantFrom(...arbActors()), param: fc.nat() }), {
        minLength: 1,
        maxLength: 4,
      }),
      collapse: fc.boolean(),
      choices: fc.array(fc.nat(), { minLength: 20, maxLength: 200 }),
    })
    .map((r) => ({ ...r, n })),
);

/** The world a random setup describes (parameters folded into each actor's range), `|xa=C` if given. */
export function sampleWorld(r: RandomSetup, xa?: number): World {
  const threads: ThreadSpec[] = (r.collapse ? [{ actor: 'collapse' as ActorKind, param: 0 }] : []).concat(
    r.threads.map((t) => {
      const p = ACTORS[t.actor].param;
      return { actor: t.actor, param: p ? p.min + (t.param % (p.max(r.n) - p.min + 1)) : 0 };
    }),
  );
  const slots = r.kinds.map((k, i) => ({
    kind: k as '.',
    pinned: 'PMF'.includes(k) && r.mods[i] === '^',
    batched: 'PMF'.includes(k) && r.mods[i] === '~',
  }));
  const options = xa === undefined ? { uffd: r.uffd } : { uffd: r.uffd, xa };
  return createWorld({ variant: r.variant, slots: { slots, ...options }, threads });
}
