// The deferred actors load through one shared promise, and a threads string names the ones still missing
// (none here: the tests register every actor, as the page does once the load has finished).
import { describe, expect, it, vi } from 'vitest';
import { loadDeferredActors, unloadedCodeIn } from './deferredActors.ts';
import { ACTORS } from '../engine/index.ts';
import { isStub } from '../engine/actors/deferred.ts';

vi.mock('react', () => ({}));

describe('loadDeferredActors', () => {
  it('shares one load, after which no actor is a stub', async () => {
    const a = loadDeferredActors();
    expect(loadDeferredActors()).toBe(a);
    await a;
    expect(Object.values(ACTORS).some(isStub)).toBe(false);
    expect(unloadedCodeIn({ slots: 'PPPP|xa=4', threads: 'collapse, mincore,punch:1' })).toEqual([]);
  });
});

// The page's first render: fresh module instances (vi.resetModules) have the engine without the deferred
// code, as the page has before its load finishes (the test setup file registered it in the shared ones).
describe('a |xa setup before the xarray has loaded', () => {
  it('waits: the store stays on its session, says so, and loads the race once the code is there', async () => {
    vi.resetModules();
    const { createSimStore } = await import('./createSimStore.ts');
    const fresh = await import('./deferredActors.ts');
    expect(fresh.unloadedCodeIn({ slots: 'PPPPPPPP|xa=4' })).toEqual(['xarray']);
    expect(fresh.unloadedCodeIn({ slots: 'PPPPPPPP|xa=4', threads: 'collapse,read:1' })).toEqual([
      'read',
      'xarray',
    ]);
    expect(fresh.unloadedCodeIn({ slots: 'PPPPPPPP|nonsense' })).toEqual([]);
    const store = createSimStore();
    const seed = store.getState().loaded;
    expect(store.getState().loadScenario('xarray-seek-hole')).toBe(true);
    expect(store.getState().loaded).toBe(seed);
    expect(store.getState().notice).toBe('Loading xarray…');
    await fresh.loadDeferredActors();
    const s = store.getState();
    expect(s.loaded.slots).toBe('PPPPPPPP|xa=4');
    expect(s.frame.world.xa?.chunk).toBe(4);
    expect(s.choices.length).toBe(75);
    expect(s.notice).toBeNull();
    expect(fresh.unloadedCodeIn({ slots: 'PPPPPPPP|xa=4' })).toEqual([]);
  });
});
