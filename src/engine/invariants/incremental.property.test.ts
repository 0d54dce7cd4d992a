// Property: the incremental invariant check (incremental.ts) reports exactly what the full check
// reports (ids, steps, threads, slots, messages, order) after every step of random schedules on random
// setups, flat and `|xa`, and leaves the same world (the I9 ghost it updates only where slots changed).
// Reachable worlds rarely break the per-folio invariants, so a second property corrupts a folio now and
// then (locked by some thread, a lookup reference used or not, a wrong count, not uptodate, freed) and carries on stepping:
// the verdicts carried from then on must follow the threads and folios they depend on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { XA_CHUNKS } from '../xarray/types.ts';
import { runnableThreads, threadStatuses } from '../status.ts';
import { step } from '../step.ts';
import { sampleWorld, setupArb } from '../testkitArb.ts';
import type { World, Writable } from '../types.ts';
import { checkIncremental, rememberVerdicts } from './incremental.ts';

/** A random setup, sometimes with an xarray beneath its slots. */
const arb = fc.tuple(setupArb, fc.option(fc.constantFrom(...XA_CHUNKS), { freq: 3 }));

interface Corruption {
  readonly at: number;
  readonly kind: number;
  readonly folio: number;
  readonly thread: number;
}
const corruptionsArb = fc.array(
  fc.record({
    at: fc.nat(60),
    kind: fc.nat(5),
    folio: fc.nat(),
    thread: fc.nat(),
  }),
  { maxLength: 4 },
);

/** A copy of w with one folio corrupted, its verdicts judged afresh (as a step that made it would). */
function corrupted(prev: World, w: World, c: Corruption): World {
  const next = structuredClone(w) as Writable<World>;
  const ids = Object.keys(next.folios).map(Number);
  const f = next.folios[ids[c.folio % Math.max(1, ids.length)] ?? -1];
  const t = c.thread % next.threads.length;
  if (f) {
    if (c.kind === 0) f.locked = t;
    else if (c.kind === 1) {
      f.holders.push({ kind: 'lookup', thread: t });
      f.refcount += 1;
    } else if (c.kind === 2) f.refcount += 1;
    else if (c.kind === 3) f.uptodate = false;
    else if (c.kind === 5)
      delete next.folios[f.id]; // slots and PTEs left pointing at a freed folio
    else {
      // A lookup reference its thread uses, until the thread's next lookup moves on without touching f.
      const th = next.threads[t];
      if (th && th.l.folio === null) {
        th.l.folio = f.id;
        f.holders.push({ kind: 'lookup', thread: t });
        f.refcount += 1;
      }
    }
  }
  const context = { prev, next, tid: 0, stepId: 'test', step: 0, statuses: threadStatuses(next) };
  rememberVerdicts(next, checkIncremental(context, null).verdicts);
  return next;
}

const attempt = <T>(f: () => T): T | string => {
  try {
    return f();
  } catch (e) {
    return `threw: ${String(e)}`;
  }
};

/** Steps both ways along the schedule; returns steps taken and violations seen. */
function walk(w0: World, choices: readonly number[], corruptions: readonly Corruption[] = []) {
  let w = w0;
  let prev = w0;
  let steps = 0;
  let violations = 0;
  for (const [k, c] of choices.entries()) {
    for (const x of corruptions) {
      if (x.at !== k) continue;
      // Judging a corrupted world can meet the freed folio in a status read: that walk ends there.
      const cw = attempt(() => corrupted(prev, w, x));
      if (typeof cw === 'string') return { steps, violations };
      w = cw;
    }
    const ready = attempt(() => runnableThreads(w));
    if (typeof ready === 'string' || ready.length === 0) break;
    const choice = ready[c % ready.length] ?? 0;
    const fast = attempt(() => step(w, choice, { check: 'incremental' }));
    const full = attempt(() => step(w, choice, { check: 'full' }));
    // A corrupted world can make the engine throw (a status read meets the freed folio): both alike.
    if (typeof fast === 'string' || typeof full === 'string') {
      expect(fast).toEqual(full);
      break;
    }
    expect(fast.ok).toBe(full.ok);
    if (!fast.ok || !full.ok) break;
    expect(fast.violations).toEqual(full.violations);
    expect(fast.world).toEqual(full.world);
    violations += fast.violations.length;
    steps++;
    prev = w;
    w = fast.world; // the next step carries this world's verdicts
  }
  return { steps, violations };
}

describe('the incremental invariant check', () => {
  it('reports what the full check reports after every step, and leaves the same world', () => {
    let steps = 0;
    let violations = 0;
    fc.assert(
      fc.property(arb, ([r, xa]) => {
        const s = walk(sampleWorld(r, xa ?? undefined), r.choices);
        steps += s.steps;
        violations += s.violations;
      }),
      { numRuns: 1000, seed: 16 },
    );
    expect(steps).toBeGreaterThan(10_000);
    expect(violations).toBeGreaterThan(500); // verdicts with something in them were carried
  });

  it('follows corrupted folios: their lockers, lookup holders and counts', () => {
    let steps = 0;
    let violations = 0;
    fc.assert(
      fc.property(arb, corruptionsArb, ([r, xa], corruptions) => {
        const s = walk(sampleWorld(r, xa ?? undefined), r.choices, corruptions);
        steps += s.steps;
        violations += s.violations;
      }),
      { numRuns: 1000, seed: 1616 },
    );
    expect(steps).toBeGreaterThan(10_000);
    expect(violations).toBeGreaterThan(2000);
  });
});
