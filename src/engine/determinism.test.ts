// step() is a pure, total function: the same world and choice give the same world and events, the
// input is never changed, and a choice that cannot be taken is a typed error, never an exception.
import { describe, expect, it } from 'vitest';
import { runSchedule } from './run.ts';
import { runnableThreads } from './status.ts';
import { step } from './step.ts';
import { worldOf } from './testkit.ts';
import type { EngineEvent, World, Writable } from './types.ts';
import { VARIANT_IDS } from './variants.ts';

const SETUPS: readonly (readonly [string, string])[] = [
  ['MP.S', 'collapse,mincore,read:2'],
  ['PPPP', 'collapse,seek_data:0,punch:2'],
  ['P.PF|uffd', 'collapse,fault:1,write:3'],
  ['M^P~SP', 'collapse,gup_fast:0,swapout:1,lru_drain'],
  ['PPPP', 'collapse,truncate:1,pin:2,memcg_move'],
  ['.P.P', 'collapse,uffd_register,fallocate:0,seek_hole:0'],
];

/** A schedule chosen by a small seeded generator among the runnable threads. */
function randomSchedule(w0: World, seed: number, max = 400): number[] {
  let w = w0;
  let x = seed;
  const out: number[] = [];
  for (let k = 0; k < max; k++) {
    const ready = runnableThreads(w);
    if (ready.length === 0) break;
    x = (x * 1103515245 + 12345) % 2147483648;
    const choice = ready[x % ready.length] ?? 0;
    const r = step(w, choice);
    if (!r.ok) throw new Error(r.error.message);
    w = r.world;
    out.push(choice);
  }
  return out;
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

/** Steps a schedule on frozen worlds; returns the worlds and the events. */
function stepAll(w0: World, schedule: readonly number[]): { worlds: World[]; events: EngineEvent[][] } {
  const worlds = [w0];
  const events: EngineEvent[][] = [];
  let w = w0;
  for (const c of schedule) {
    const before = structuredClone(w);
    deepFreeze(w);
    const r = step(w, c);
    if (!r.ok) throw new Error(r.error.message);
    expect(w).toEqual(before);
    w = r.world;
    worlds.push(w);
    events.push([...r.events]);
  }
  return { worlds, events };
}

describe('determinism', () => {
  for (const k of VARIANT_IDS)
    it.each(SETUPS)(`${k}: %s %s runs the same twice, on frozen inputs`, (slots, threads) => {
      for (const seed of [1, 42]) {
        const schedule = randomSchedule(worldOf(k, slots, threads), seed);
        expect(schedule.length).toBeGreaterThan(0);
        const a = stepAll(worldOf(k, slots, threads), schedule);
        const b = stepAll(worldOf(k, slots, threads), schedule);
        expect(b.worlds).toEqual(a.worlds);
        expect(b.events).toEqual(a.events);
        const r1 = runSchedule(worldOf(k, slots, threads), schedule, { finish: false });
        const r2 = runSchedule(worldOf(k, slots, threads), schedule);
        expect(r1.world).toEqual(a.worlds.at(-1));
        expect(r1.steps.map((s) => s.events)).toEqual(a.events);
        expect(runSchedule(worldOf(k, slots, threads), schedule)).toEqual(r2);
      }
    });

  it('a world that went through JSON steps exactly like the original', () => {
    const w0 = worldOf('v6.3', 'MP.S', 'collapse,mincore,read:2');
    let w = w0;
    for (const c of randomSchedule(w0, 3)) {
      const r1 = step(w, c);
      const r2 = step(JSON.parse(JSON.stringify(w)) as World, c);
      expect(r2).toEqual(r1);
      if (!r1.ok) throw new Error(r1.error.message);
      w = r1.world;
    }
  });
});

describe('step errors are values, never exceptions', () => {
  const w = worldOf('v6.4', 'PP', 'write:0,read:0');

  it.each([99, 2, -1, 1.5, Number.NaN])('no thread %s', (choice) => {
    const r = step(w, choice);
    expect(r).toEqual({
      ok: false,
      error: {
        kind: 'no-such-thread',
        thread: choice,
        message: expect.stringMatching(/^there is no thread/),
      },
    });
  });

  it('a finished thread', () => {
    let x = w;
    for (let k = 0; k < 5; k++) {
      const r = step(x, 0);
      if (!r.ok) throw new Error(r.error.message);
      x = r.world;
    }
    expect(x.threads[0]?.done).toBe(true);
    expect(step(x, 0)).toEqual({
      ok: false,
      error: { kind: 'thread-finished', thread: 0, message: 'T0 (write) has finished' },
    });
  });

  it('a blocked thread', () => {
    let x = w;
    for (const c of [0, 0, 0, 0, 1, 1]) {
      const r = step(x, c);
      if (!r.ok) throw new Error(r.error.message);
      x = r.world;
    }
    expect(step(x, 1)).toEqual({
      ok: false,
      error: {
        kind: 'thread-blocked',
        thread: 1,
        block: { kind: 'page-lock', folio: 0, owner: 0 },
        message: 'T1 (read) cannot step: sleeping on the lock of folio 0, held by T0 (write)',
      },
    });
  });

  it('a thread at a step its program does not have', () => {
    const x = structuredClone(w) as Writable<World>;
    x.threads[1]!.pc = 'nowhere';
    expect(step(x, 1)).toEqual({
      ok: false,
      error: { kind: 'engine-fault', thread: 1, message: 'T1 (read) is at unknown step nowhere' },
    });
  });
});
