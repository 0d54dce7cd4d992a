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
