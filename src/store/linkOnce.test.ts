// A long link is stepped once: the decoder must step the engine to read its schedule (each choice's
// radix is the threads runnable there), and the store adopts those steps instead of replaying them.
import { describe, expect, it, vi } from 'vitest';
import { MODEL_VERSION } from '../engine/modelVersion.ts';
import { createWorld, parseSetup, runSchedule } from '../engine/index.ts';
import { encodeReplay } from '../replay/index.ts';
import { CHECKPOINT, createReplay } from './replay.ts';
import { createSimStore } from './createSimStore.ts';
import { openHash, openHashInto, setupInit } from './link.ts';
import { linkStatus, sameSession } from './linkStatus.ts';

vi.mock('react', () => ({}));

// Every engine step the store and the decoder take goes through the engine's index: count them there.
const calls = vi.hoisted(() => ({ step: 0 }));
vi.mock('../engine/index.ts', async (importOriginal) => {
  const engine = await importOriginal<typeof import('../engine/index.ts')>();
  return {
    ...engine,
    step: (...a: Parameters<typeof engine.step>) => {
      calls.step++;
      return engine.step(...a);
    },
  };
});

const clock = {
  now: (() => {
    let t = 0;
    return () => (t += 5);
  })(),
  pause: () => Promise.resolve(),
};

function link(cursor: (steps: number) => number) {
  const p = parseSetup('v6.4', 'P'.repeat(64), 'collapse,mincore,seek_hole:0');
  if (!p.ok) throw new Error(p.error.message);
  const choices = runSchedule(createWorld(p.value), []).steps.map((s) => s.thread);
  const at = cursor(choices.length);
  const hash = `#r=${encodeReplay({ model: MODEL_VERSION, setup: p.value, choices, cursor: at, compare: null })}`;
  return { setup: p.value, choices, cursor: at, hash };
}

/** Opens `hash` as the page does (its setup painted first, then the schedule); counts engine steps. */
async function open(hash: string) {
  const opening = openHash(hash);
  if (opening.kind !== 'stepping') throw new Error(`not a long link: ${opening.kind}`);
  const store = createSimStore(setupInit(opening.decoding.header.setup));
  calls.step = 0;
  await openHashInto(store, opening, clock, 'current');
  return { store, steps: calls.step };
}

describe('a long link is replayed once', () => {
  it('opened at its end: one engine step per schedule entry, and the same session as a replay', async () => {
    const l = link((n) => n);
    expect(l.choices.length).toBeGreaterThan(500);
    const { store, steps } = await open(l.hash);
    expect(steps).toBe(l.choices.length);
    const s = store.getState();
    expect(s.linkError).toBeNull();
    expect(s.choices).toEqual(l.choices);
    expect(s.cursor).toBe(l.choices.length);
    // What the store adopted is what it would have replayed itself.
    const replayed = createSimStore({ ...setupInit(l.setup), choices: l.choices, cursor: l.choices.length });
    expect(s.records).toEqual(replayed.getState().records);
    expect(s.frame.world).toEqual(replayed.getState().frame.world);
    // The address already holds this session's link: it is noted, so the page need not encode it again.
    const opened = linkStatus.getState().opened;
    expect(opened?.payload).toBe(l.hash.slice('#r='.length));
    expect(opened && sameSession(opened.session, s)).toBe(true);
    store.getState().stepBack();
    expect(sameSession(opened!.session, store.getState())).toBe(false);
  });

  it('opened mid-schedule: the schedule once, plus at most a checkpoint interval to reach the cursor', async () => {
    const l = link(() => 7 * CHECKPOINT + 5);
    const { store, steps } = await open(l.hash);
    expect(store.getState().cursor).toBe(l.cursor);
    expect(steps - l.choices.length).toBeGreaterThanOrEqual(0);
    expect(steps - l.choices.length).toBeLessThan(CHECKPOINT);
    // Stepping on from there replays nothing already known.
    calls.step = 0;
    store.getState().jumpTo(l.choices.length);
    expect(calls.step).toBeLessThan(CHECKPOINT);
  });
});

describe('the replay cache adopts steps taken elsewhere', () => {
  it('appends them without changing a records array it handed out', async () => {
    const { step } = await import('../engine/index.ts');
    const l = link((n) => n);
    const world = createWorld(l.setup);
    const cache = createReplay(world);
    const handed = cache.sync([]).records;
    const taken = step(world, l.choices[0] ?? -1);
    if (!taken.ok) throw new Error(taken.error.message);
    cache.adopt(l.choices[0] ?? -1, taken);
    expect(handed).toEqual([]);
    expect(cache.worldAt(1)).toBe(taken.world);
    calls.step = 0;
    const synced = cache.sync(l.choices.slice(0, 1));
    expect(calls.step).toBe(0);
    expect(synced.records.map((r) => r.thread)).toEqual(l.choices.slice(0, 1));
  });
});
