import { describe, expect, it } from 'vitest';
import { InternPool } from './internPool.ts';
import { SharedPool } from './sharedPool.ts';

// A fixed pseudo-random byte source, so the test is the same on every run.
function bytes(seed: number, n: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed | 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

describe('SharedPool', () => {
  it('gives equal ids exactly to equal encodings and reads every one back', () => {
    const shared = new SharedPool();
    const flat = new InternPool();
    const base = bytes(7, 6000);
    const variants: Uint8Array[] = [new Uint8Array(0), base];
    for (let k = 0; k < 40; k++) {
      const v = base.slice();
      v[(k * 997) % v.length]! ^= 1 + (k % 3); // one byte changed
      variants.push(v, base.subarray(0, 100 + k * 131)); // and prefixes
      const inserted = new Uint8Array(v.length + 3);
      inserted.set(v.subarray(0, k * 50));
      inserted.set(v.subarray(k * 50), k * 50 + 3); // three bytes inserted
      variants.push(inserted);
    }
    for (const v of [...variants, ...variants]) {
      const id = shared.intern(v, v.length);
      expect(id).toBe(flat.intern(v, v.length)); // the same dense ids, in the same order
      expect(shared.lastWasNew).toBe(flat.lastWasNew);
      expect([...shared.read(id)]).toEqual([...v]);
    }
    expect(shared.count).toBe(flat.count);
  });

  it('shares the chunks of a long encoding between its one-byte variants', () => {
    const shared = new SharedPool();
    const base = bytes(3, 13_000);
    shared.intern(base, base.length);
    const chunks = shared.chunks.count;
    for (let k = 0; k < 100; k++) {
      const v = base.slice();
      v[(k * 131) % v.length]! ^= 0x40;
      shared.intern(v, v.length);
    }
    expect(shared.count).toBe(101);
    // Each variant adds at most two chunks (the changed byte can move one cut), not 13 KB.
    expect(shared.chunks.count - chunks).toBeLessThanOrEqual(200);
    expect(shared.chunks.dataBytes).toBeLessThan(base.length + 100 * 2 * 1024);
  });
});

describe('InternPool', () => {
  it('keeps encodings across storage chunks and longer than a chunk', () => {
    const pool = new InternPool();
    const big = bytes(5, (1 << 20) + 17);
    const small = bytes(9, 1000);
    const ids = [pool.intern(small, 1000), pool.intern(big, big.length), pool.intern(small, 999)];
    expect(ids).toEqual([0, 1, 2]);
    expect(pool.intern(big, big.length)).toBe(1);
    expect(pool.lastWasNew).toBe(false);
    expect([...pool.read(1).subarray(-5)]).toEqual([...big.subarray(-5)]);
    expect(pool.read(2).length).toBe(999);
  });
});
