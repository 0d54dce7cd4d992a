import { describe, expect, it } from 'vitest';
import { FULL, NO_PARENT, PRESENT, StateStore } from './stateStore.ts';

const words = (...w: number[]): Uint32Array => Uint32Array.from(w);

describe('StateStore', () => {
  it('stores a state once and finds it again', () => {
    const store = new StateStore({ stateWords: 2, maxStates: 10 });
    expect(store.add(words(1, 2), 0, NO_PARENT, 0)).toBe(0);
    expect(store.add(words(1, 2), 0, 0, 1)).toBe(PRESENT);
    expect(store.add(words(2, 1), 0, 0, 1)).toBe(1);
    expect(store.count).toBe(2);
    const out = new Uint32Array(2);
    store.read(1, out);
    expect([...out]).toEqual([2, 1]);
  });

  it('reads states at an offset and keeps full 32-bit words', () => {
    const store = new StateStore({ stateWords: 2, maxStates: 10 });
    store.add(words(9, 9, 0xffffffff, 0x80000000), 2, NO_PARENT, 0);
    expect(store.add(words(0xffffffff, 0x80000000), 0, 0, 0)).toBe(PRESENT);
    const arena = store.arenaOf(0);
    expect(arena[store.offsetOf(0) + 1]).toBe(0x80000000);
  });

  it('refuses a new state beyond maxStates but still finds stored ones', () => {
    const store = new StateStore({ stateWords: 1, maxStates: 2 });
    store.add(words(1), 0, NO_PARENT, 0);
    store.add(words(2), 0, 0, 0);
    expect(store.add(words(3), 0, 0, 0)).toBe(FULL);
    expect(store.add(words(2), 0, 0, 0)).toBe(PRESENT);
    expect(store.count).toBe(2);
  });

  it('grows the table and the arena without losing states', () => {
    const store = new StateStore({ stateWords: 3, maxStates: 1e6, initialSlots: 16, chunkStates: 16 });
    const n = 50_000;
    for (let i = 0; i < n; i++) expect(store.add(words(i, i * 7, ~i), 0, i - 1, i & 255)).toBe(i);
    expect(store.slots).toBeGreaterThanOrEqual(n / 0.75);
    for (let i = 0; i < n; i += 97) expect(store.add(words(i, i * 7, ~i), 0, 0, 0)).toBe(PRESENT);
    expect(store.add(words(n, n * 7, ~n), 0, 0, 0)).toBe(n);
    const out = new Uint32Array(3);
    store.read(12_345, out);
    expect([...out]).toEqual([12_345, 12_345 * 7, ~12_345 >>> 0]);
    expect(store.parentOf(12_345)).toBe(12_344);
    expect(store.choiceOf(12_345)).toBe(12_345 & 255);
  });

  it('rebuilds a schedule from parents and choices', () => {
    const store = new StateStore({ stateWords: 1, maxStates: 10 });
    store.add(words(0), 0, NO_PARENT, 0);
    store.add(words(1), 0, 0, 3);
    store.add(words(2), 0, 0, 4);
    store.add(words(3), 0, 2, 5);
    expect(store.scheduleTo(0)).toEqual([]);
    expect(store.scheduleTo(3)).toEqual([4, 5]);
  });

  it('counts every allocated byte', () => {
    const store = new StateStore({ stateWords: 4, maxStates: 100, initialSlots: 64, chunkStates: 32 });
    expect(store.bytes).toBe(64 * 4);
    store.add(words(1, 2, 3, 4), 0, NO_PARENT, 0);
    expect(store.bytes).toBe(64 * 4 + 32 * (16 + 4 + 1));
  });
});
