// Hash-consing of variable-length byte strings in typed arrays: each distinct encoding gets a dense id.
// The kernel model stores one such id per explorer state, so no JS Set or Map ever holds states.
// The bytes live in chunks of CHUNK_BYTES (an encoding never straddles two), so the pool grows a chunk
// at a time: no copy of everything when it grows, and no single typed array near V8's 4 GiB limit.

const EMPTY = -1;
/** Bytes per storage chunk (the largest); a longer encoding gets a chunk of its own size. */
export const CHUNK_BYTES = 1 << 20;

export class InternPool {
  private readonly chunks: Uint8Array[] = [];
  /** The chunk being filled and how much of it is used. */
  private tail = new Uint8Array(0);
  private tailUsed = 0;
  private used = 0;
  private allocated = 0;
  /** Per id: its chunk, its offset in that chunk, its length, its hash. */
  private chunkOf = new Uint32Array(1 << 10);
  private starts = new Uint32Array(1 << 10);
  private lengths = new Uint32Array(1 << 10);
  private hashes = new Uint32Array(1 << 10);
  private table = new Int32Array(1 << 11).fill(EMPTY);
  count = 0;

  /** The id of src[from, from + length): an existing one, or a new one (then `lastWasNew` is true). */
  lastWasNew = false;

  intern(src: Uint8Array, length: number, from = 0): number {
    return this.internHashed(src, from, length, hashBytes(src, from + length, from));
  }

  /** `intern` given the bytes' hashBytes (computed by a caller that reads the bytes anyway). */
  internHashed(src: Uint8Array, from: number, length: number, h: number): number {
    const mask = this.table.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = this.table[slot] ?? EMPTY;
      if (id === EMPTY) {
        const fresh = this.append(src, from, length, h);
        this.table[slot] = fresh;
        if (this.count * 2 > this.table.length) this.rehash();
        this.lastWasNew = true;
        return fresh;
      }
      if (this.hashes[id] === h && this.equals(id, src, from, length)) {
        this.lastWasNew = false;
        return id;
      }
    }
  }

  /** The bytes of an id (a view into the pool; the pool never moves stored bytes). */
  read(id: number): Uint8Array {
    const start = this.starts[id] ?? 0;
    const chunk = this.chunks[this.chunkOf[id] ?? 0];
    return chunk ? chunk.subarray(start, start + (this.lengths[id] ?? 0)) : new Uint8Array(0);
  }

  /** Copies an id's bytes into dst at `at` (no view allocated); returns where they end. */
  copyInto(id: number, dst: Uint8Array, at: number): number {
    const start = this.starts[id] ?? 0;
    const length = this.lengths[id] ?? 0;
    const chunk = this.chunks[this.chunkOf[id] ?? 0];
    if (chunk) dst.set(chunk.subarray(start, start + length), at);
    return at + length;
  }

  /** The length of an id's bytes. */
  lengthOf(id: number): number {
    return this.lengths[id] ?? 0;
  }

  /** Bytes allocated: the chunks, the four per-id words, and the hash table. */
  get byteSize(): number {
    return this.allocated + this.starts.length * 16 + this.table.byteLength;
  }

  /** Bytes of the encodings themselves. */
  get dataBytes(): number {
    return this.used;
  }

  // Compared in place: a view per hash match would allocate on nearly every duplicate successor.
  private equals(id: number, src: Uint8Array, from: number, length: number): boolean {
    if (this.lengths[id] !== length) return false;
    const bytes = this.chunks[this.chunkOf[id] ?? 0] as Uint8Array;
    const start = (this.starts[id] ?? 0) - from;
    for (let i = from; i < from + length; i++) if (bytes[start + i] !== src[i]) return false;
    return true;
  }

  private append(src: Uint8Array, from: number, length: number, h: number): number {
    // Allocate everything first: a failed allocation (a RangeError) then leaves the pool as it was.
    if (this.count >= this.starts.length) {
      const size = this.starts.length * 2;
      const chunkOf = grow(this.chunkOf, size);
      const starts = grow(this.starts, size);
      const lengths = grow(this.lengths, size);
      this.hashes = grow(this.hashes, size);
      this.chunkOf = chunkOf;
      this.starts = starts;
      this.lengths = lengths;
    }
    if (this.tailUsed + length > this.tail.length) {
      // Small pools stay small: chunks double from 64 KiB up to CHUNK_BYTES.
      const chunk = new Uint8Array(
        Math.max(length, Math.min(CHUNK_BYTES, Math.max(1 << 16, this.allocated))),
      );
      this.chunks.push(chunk);
      this.allocated += chunk.length;
      this.tail = chunk;
      this.tailUsed = 0;
    }
    const tail = this.tail;
    for (let i = 0; i < length; i++) tail[this.tailUsed + i] = src[from + i] as number;
    const id = this.count++;
    this.chunkOf[id] = this.chunks.length - 1;
    this.starts[id] = this.tailUsed;
    this.lengths[id] = length;
    this.hashes[id] = h;
    this.tailUsed += length;
    this.used += length;
    return id;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2).fill(EMPTY);
    const mask = table.length - 1;
    for (let id = 0; id < this.count; id++) {
      let slot = (this.hashes[id] ?? 0) & mask;
      while (table[slot] !== EMPTY) slot = (slot + 1) & mask;
      table[slot] = id;
    }
    this.table = table;
  }
}

function grow(a: Uint32Array, size: number): Uint32Array<ArrayBuffer> {
  const b = new Uint32Array(size);
  b.set(a);
  return b;
}

/** FNV-1a over src[from, end), finished with a murmur-style mix so low bits spread well. */
export function hashBytes(src: Uint8Array, end: number, from = 0): number {
  let h = 0x811c9dc5;
  for (let i = from; i < end; i++) h = Math.imul(h ^ (src[i] ?? 0), 0x01000193);
  return finishHash(h);
}

/** The last mix of hashBytes, for callers that run its FNV-1a loop themselves. */
export function finishHash(fnv: number): number {
  let h = fnv ^ (fnv >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}
