// Encodings stored with structural sharing: each encoding is cut into content-defined chunks (a gear
// hash over the bytes decides the cuts, so a run of bytes two encodings share is cut the same way in
// both, wherever it sits), every distinct chunk is stored once, and an encoding is the list of its chunk
// ids, interned in turn. Lossless and exact: the cuts are a function of the bytes, so two encodings get
// the same id exactly when their bytes are equal. At 512 slots a step changes a few chunks of ~13 KB.

import { finishHash, InternPool } from './internPool.ts';

const FNV_START = 0x811c9dc5;

/** No cut before this many bytes of a chunk, always one at MAX_CHUNK; in between where the hash says. */
const MIN_CHUNK = 48;
const MAX_CHUNK = 1024;
/** A cut where the gear hash's top bits are zero: about one every 2^CUT_BITS bytes past MIN_CHUNK. */
const CUT_BITS = 7;
const CUT_MASK = (((1 << CUT_BITS) - 1) << (32 - CUT_BITS)) >>> 0;

/** 256 fixed pseudo-random words (a fixed xorshift sequence: the same cuts in every run and host). */
const GEAR = (() => {
  const g = new Uint32Array(256);
  let x = 0x9e3779b9;
  for (let i = 0; i < 256; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    g[i] = x >>> 0;
  }
  return g;
})();

export class SharedPool {
  /** The distinct chunks. */
  readonly chunks = new InternPool();
  /** The encodings, each as its chunk ids (varints); its ids are the state ids. */
  private readonly lists = new InternPool();
  private list = new Uint8Array(1024);

  get count(): number {
    return this.lists.count;
  }

  get lastWasNew(): boolean {
    return this.lists.lastWasNew;
  }

  intern(src: Uint8Array, length: number): number {
    let n = 0;
    let start = 0;
    let h = 0;
    let fnv = FNV_START; // the chunk's hashBytes, in the same pass
    for (let i = 0; i < length; i++) {
      const b = src[i] as number;
      h = ((h << 1) + (GEAR[b] as number)) >>> 0;
      fnv = Math.imul(fnv ^ b, 0x01000193);
      const size = i + 1 - start;
      if ((size >= MIN_CHUNK && (h & CUT_MASK) === 0) || size >= MAX_CHUNK || i + 1 === length) {
        n = this.put(n, this.chunks.internHashed(src, start, size, finishHash(fnv)));
        start = i + 1;
        h = 0;
        fnv = FNV_START;
      }
    }
    return this.lists.intern(this.list, n);
  }

  /** The bytes of an encoding, rebuilt from its chunks. */
  read(id: number): Uint8Array {
    const ids = this.lists.read(id);
    const parts: Uint8Array[] = [];
    for (let i = 0; i < ids.length;) {
      let v = 0;
      for (let shift = 0; ; shift += 7) {
        const b = ids[i++] as number;
        v |= (b & 0x7f) << shift;
        if (b < 0x80) break;
      }
      parts.push(this.chunks.read(v >>> 0));
    }
    const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }

  /** Everything allocated: both pools. */
  get byteSize(): number {
    return this.chunks.byteSize + this.lists.byteSize;
  }

  // A chunk id as a varint at list[n]; returns the new length.
  private put(n: number, id: number): number {
    if (n + 5 > this.list.length) {
      const b = new Uint8Array(this.list.length * 2);
      b.set(this.list);
      this.list = b;
    }
    let x = id >>> 0;
    while (x >= 0x80) {
      this.list[n++] = (x & 0x7f) | 0x80;
      x >>>= 7;
    }
    this.list[n++] = x;
    return n;
  }
}
