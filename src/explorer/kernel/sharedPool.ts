// Encodings stored with structural sharing: each encoding is cut into content-defined chunks (a gear
// hash over the bytes decides the cuts, so a run of bytes two encodings share is cut the same way in
// both, wherever it sits), every distinct chunk is stored once, and an encoding is the list of its chunk
// ids, interned in turn. Lossless and exact: the cuts are a function of the bytes, so two encodings get
// the same id exactly when their bytes are equal. At 512 slots a step changes a few chunks of ~13 KB,
// and with the state being expanded set as the base, only those chunks go through the chunker.

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

  /**
   * The encoding the next interns are compared with (the state whose successors they are): its bytes,
   * the end of each of its chunks and the chunk ids. -1: none yet, every intern chunks all its bytes.
   */
  private base = new Uint8Array(1024);
  private baseWords = new Uint32Array(this.base.buffer);
  private baseLength = -1;
  private baseEnds = new Int32Array(64);
  private baseIds = new Int32Array(64);
  private baseChunks = 0;
  /** A word view of the last src buffer (the encoder reuses one until it grows). */
  private srcBuffer: ArrayBufferLike | null = null;
  private srcOffset = 0;
  private srcWords: Uint32Array = new Uint32Array(0);

  /**
   * Makes encoding `id` the base of the interns that follow: they then re-chunk only from the chunk where
   * their bytes first differ from it to the first cut where the rest of their bytes are its rest, and
   * take its chunk ids for everything else. Exact: the cuts are a function of the bytes since the last
   * cut, so those chunks are the ones a full pass would cut (the test compares both on every case).
   */
  setBase(id: number): void {
    let at = 0;
    let k = 0;
    for (const chunk of this.chunksOf(id)) {
      const end = at + this.chunks.lengthOf(chunk);
      if (end > this.base.length) this.growBase(end, at);
      if (k === this.baseIds.length) {
        this.baseIds = growInts(this.baseIds);
        this.baseEnds = growInts(this.baseEnds);
      }
      at = this.chunks.copyInto(chunk, this.base, at);
      this.baseIds[k] = chunk;
      this.baseEnds[k++] = at;
    }
    this.baseLength = at;
    this.baseChunks = k;
  }

  intern(src: Uint8Array, length: number): number {
    return this.baseLength < 0 ? this.internWhole(src, length) : this.internNearBase(src, length);
  }

  /** Every byte through the chunker (the reference the base path must equal). */
  internWhole(src: Uint8Array, length: number): number {
    return this.lists.intern(this.list, this.chunkRun(src, 0, length, 0, -1));
  }

  private internNearBase(src: Uint8Array, length: number): number {
    const base = this.base;
    const baseLength = this.baseLength;
    const common = Math.min(length, baseLength);
    // The first byte that differs, a word at a time where both views allow it.
    let p = 0;
    const words = this.wordsOf(src);
    if (words) {
      const baseWords = this.baseWords;
      const n = common >> 2;
      while (p < n && words[p] === baseWords[p]) p++;
      p <<= 2;
    }
    while (p < common && src[p] === base[p]) p++;
    // How many bytes at the end they share (never reaching back past p).
    let same = 0;
    while (same < common - p && src[length - 1 - same] === base[baseLength - 1 - same]) same++;
    // Re-chunk from the start of the first base chunk that ends past p (the last one if none does: its
    // end was the end of the bytes, not a cut the hash chose).
    let k = 0;
    while (k < this.baseChunks - 1 && (this.baseEnds[k] as number) <= p) k++;
    let n = 0;
    for (let j = 0; j < k; j++) n = this.put(n, this.baseIds[j] as number);
    const start = k === 0 ? 0 : (this.baseEnds[k - 1] as number);
    return this.lists.intern(this.list, this.chunkRun(src, start, length, n, length - same));
  }

  /**
   * Cuts src[start, length) into chunks appended to the list at n; returns the list's length. Near a base
   * (resyncFrom >= 0: src[resyncFrom, length) equals the base's last bytes), each chunk that starts where
   * one of the base's chunks starts (at the same offset, or shifted by the change in length) and holds
   * the same bytes is that chunk: the chunker restarts at every cut, so the same bytes cut the same way
   * (the base's last chunk only if it is the last here too: its end was the end of the bytes). Past
   * resyncFrom, the first such cut takes the rest of the base's list.
   */
  private chunkRun(src: Uint8Array, start: number, length: number, n: number, resyncFrom: number): number {
    const near = resyncFrom >= 0;
    const delta = length - this.baseLength;
    let same = 0; // the first base chunk that could start at `start`
    let shifted = 0; // the first base chunk that could start at `start - delta`
    while (start < length) {
      if (near) {
        same = this.firstFrom(same, start);
        shifted = this.firstFrom(shifted, start - delta);
        if (start >= resyncFrom && this.startOf(shifted) === start - delta) {
          for (let r = shifted; r < this.baseChunks; r++) n = this.put(n, this.baseIds[r] as number);
          return n;
        }
        const reused = this.reusable(src, start, length, same)
          ? same
          : delta !== 0 && this.reusable(src, start, length, shifted)
            ? shifted
            : -1;
        if (reused >= 0) {
          n = this.put(n, this.baseIds[reused] as number);
          start += (this.baseEnds[reused] as number) - this.startOf(reused);
          continue;
        }
      }
      start = this.cutOne(src, start, length);
      n = this.put(n, this.cut);
    }
    return n;
  }

  /** The id of the chunk cutOne() cut last. */
  private cut = 0;

  /** Cuts and interns the one chunk that starts at `start` (its id in `cut`); returns where it ends. */
  private cutOne(src: Uint8Array, start: number, length: number): number {
    let h = 0;
    let fnv = FNV_START; // the chunk's hashBytes, in the same pass
    for (let i = start; i < length; i++) {
      const b = src[i] as number;
      h = ((h << 1) + (GEAR[b] as number)) >>> 0;
      fnv = Math.imul(fnv ^ b, 0x01000193);
      const size = i + 1 - start;
      if ((size >= MIN_CHUNK && (h & CUT_MASK) === 0) || size >= MAX_CHUNK || i + 1 === length) {
        this.cut = this.chunks.internHashed(src, start, size, finishHash(fnv));
        return i + 1;
      }
    }
    return length;
  }

  private startOf(k: number): number {
    return k === 0 ? 0 : k > this.baseChunks ? -1 : (this.baseEnds[k - 1] as number);
  }

  /** From base chunk k on, the first that starts at or after `at` (baseChunks if none). */
  private firstFrom(k: number, at: number): number {
    while (k < this.baseChunks && this.startOf(k) < at) k++;
    return k;
  }

  /** Whether base chunk k starts where src's next chunk starts and src's chunk is that one. */
  private reusable(src: Uint8Array, at: number, length: number, k: number): boolean {
    if (k >= this.baseChunks) return false;
    const from = this.startOf(k);
    const end = this.baseEnds[k] as number;
    const size = end - from;
    if (at + size > length || (k === this.baseChunks - 1 && at + size !== length)) return false;
    const base = this.base;
    let i = 0;
    // A word at a time where src and the base line up on the same word boundary.
    const words = (at - from) % 4 === 0 ? this.wordsOf(src) : null;
    if (words) {
      while (i < size && (at + i) % 4 !== 0) {
        if (src[at + i] !== base[from + i]) return false;
        i++;
      }
      const baseWords = this.baseWords;
      for (let w = (at + i) >> 2, b = (from + i) >> 2; i + 4 <= size; i += 4, w++, b++)
        if (words[w] !== baseWords[b]) return false;
    }
    for (; i < size; i++) if (src[at + i] !== base[from + i]) return false;
    return true;
  }

  private wordsOf(src: Uint8Array): Uint32Array | null {
    if (src.byteOffset % 4 !== 0) return null;
    if (
      src.buffer !== this.srcBuffer ||
      src.byteOffset !== this.srcOffset ||
      this.srcWords.length !== src.byteLength >> 2
    ) {
      this.srcBuffer = src.buffer;
      this.srcOffset = src.byteOffset;
      this.srcWords = new Uint32Array(src.buffer, src.byteOffset, src.byteLength >> 2);
    }
    return this.srcWords;
  }

  /** Room for `size` bytes of base, keeping the first `keep` (copied so far). */
  private growBase(size: number, keep: number): void {
    const b = new Uint8Array(Math.max(size, this.base.length * 2) + 3);
    b.set(this.base.subarray(0, keep));
    this.base = b;
    this.baseWords = new Uint32Array(b.buffer, 0, b.length >> 2);
  }

  /** The chunk ids of an encoding, in order. */
  chunksOf(id: number): number[] {
    const list = this.lists.read(id);
    const ids: number[] = [];
    for (let i = 0; i < list.length;) {
      let v = 0;
      for (let shift = 0; ; shift += 7) {
        const b = list[i++] as number;
        v |= (b & 0x7f) << shift;
        if (b < 0x80) break;
      }
      ids.push(v >>> 0);
    }
    return ids;
  }

  /** The bytes of an encoding, rebuilt from its chunks. */
  read(id: number): Uint8Array {
    const parts = this.chunksOf(id).map((c) => this.chunks.read(c));
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

function growInts(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
