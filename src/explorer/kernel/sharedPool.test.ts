import fc from 'fast-check';
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

// A base and the edits a step makes to an encoding: bytes replaced, inserted or removed anywhere.
const edit = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 300 }),
  insert: fc.uint8Array({ maxLength: 300 }),
});

describe('SharedPool near a base', () => {
  it('cuts every encoding exactly as a pass over all its bytes does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1 << 20 }),
        fc.nat({ max: 9000 }),
        fc.array(fc.array(edit, { maxLength: 4 }), { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        (seed, size, children, offset) => {
          const near = new SharedPool();
          const whole = new SharedPool();
          const base = bytes(seed, size);
          expect(near.intern(base, base.length)).toBe(whole.intern(base, base.length));
          near.setBase(0);
          for (const edits of children) {
            let v = base;
            for (const e of edits) {
              const at = e.at % (v.length + 1);
              const cut = Math.min(e.remove, v.length - at);
              const next = new Uint8Array(v.length - cut + e.insert.length);
              next.set(v.subarray(0, at));
              next.set(e.insert, at);
              next.set(v.subarray(at + cut), at + e.insert.length);
              v = next;
            }
            // The encoder's buffer is longer than the encoding, and a view may start anywhere.
            const buffer = new Uint8Array(v.length + 9);
            const src = buffer.subarray(offset ? 1 : 0);
            src.set(v);
            const id = near.intern(src, v.length);
            expect(id).toBe(whole.internWhole(v, v.length));
            expect(near.lastWasNew).toBe(whole.lastWasNew);
            expect(near.chunksOf(id)).toEqual(whole.chunksOf(id));
            expect([...near.read(id)]).toEqual([...v]);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('cuts the same around every cut of the base: a byte changed, inserted or removed on either side', () => {
    const near = new SharedPool();
    const whole = new SharedPool();
    const base = bytes(21, 4000);
    near.intern(base, base.length);
    whole.intern(base, base.length);
    near.setBase(0);
    const cuts: number[] = [];
    for (let at = 0, k = 0; k < whole.chunks.count; k++) cuts.push((at += whole.chunks.lengthOf(k)));
    for (const cut of cuts)
      for (const at of [cut - 2, cut - 1, cut, cut + 1].filter((x) => x >= 0 && x < base.length)) {
        const changed = base.slice();
        changed[at]! ^= 0x5a;
        const inserted = new Uint8Array(base.length + 1);
        inserted.set(base.subarray(0, at));
        inserted[at] = 0x33;
        inserted.set(base.subarray(at), at + 1);
        const removed = new Uint8Array(base.length - 1);
        removed.set(base.subarray(0, at));
        removed.set(base.subarray(at + 1), at);
        for (const v of [changed, inserted, removed, base.subarray(0, at), base.subarray(0, at + 1)]) {
          const id = near.intern(v, v.length);
          expect(id).toBe(whole.internWhole(v, v.length));
          expect(near.chunksOf(id)).toEqual(whole.chunksOf(id));
        }
      }
    // Longer than the base: its last chunk ended with its bytes, not where the hash cut.
    for (const extra of [1, 5, 200]) {
      const longer = new Uint8Array(base.length + extra).fill(7);
      longer.set(base);
      const id = near.intern(longer, longer.length);
      expect(id).toBe(whole.internWhole(longer, longer.length));
      expect(near.chunksOf(id)).toEqual(whole.chunksOf(id));
    }
    expect(near.count).toBe(whole.count);
  });

  it('takes the base from any state, and re-chunks only near the change', () => {
    const pool = new SharedPool();
    const base = bytes(11, 13_000);
    const other = bytes(12, 13_000);
    pool.intern(base, base.length);
    pool.intern(other, other.length);
    pool.setBase(1);
    pool.setBase(0);
    const chunks = pool.chunks.count;
    const v = base.slice();
    v[6500]! ^= 1;
    const id = pool.intern(v, v.length);
    expect([...pool.read(id)]).toEqual([...v]);
    expect(pool.chunks.count - chunks).toBeLessThanOrEqual(2);
    expect(pool.intern(base, base.length)).toBe(0);
    expect(pool.lastWasNew).toBe(false);
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
