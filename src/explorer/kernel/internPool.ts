// Hash-consing of variable-length byte strings in typed arrays: each distinct encoding gets a dense id.
// The kernel model stores one such id per explorer state, so no JS Set or Map ever holds states.

const EMPTY = -1;

export class InternPool {
  private bytes = new Uint8Array(1 << 16);
  private used = 0;
  private starts = new Uint32Array(1 << 10);
  private hashes = new Uint32Array(1 << 10);
  private table = new Int32Array(1 << 11).fill(EMPTY);
  count = 0;

  /** The id of bytes[0, length): an existing one, or a new one (then `lastWasNew` is true). */
  lastWasNew = false;

  intern(src: Uint8Array, length: number): number {
    const h = hashBytes(src, length);
    const mask = this.table.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = this.table[slot] ?? EMPTY;
      if (id === EMPTY) {
        const fresh = this.append(src, length, h);
        this.table[slot] = fresh;
        if (this.count * 2 > this.table.length) this.rehash();
        this.lastWasNew = true;
        return fresh;
      }
      if (this.hashes[id] === h && this.equals(id, src, length)) {
        this.lastWasNew = false;
        return id;
      }
    }
  }

  /** The bytes of an id (a view, valid until the next intern). */
  read(id: number): Uint8Array {
    return this.bytes.subarray(this.start(id), this.end(id));
  }

  private start(id: number): number {
    return this.starts[id] ?? 0;
  }

  private end(id: number): number {
    return id + 1 < this.count ? (this.starts[id + 1] ?? this.used) : this.used;
  }

  /** Bytes in use: the encodings, their start and hash words, and the hash table. */
  get byteSize(): number {
    return this.used + this.count * 8 + this.table.byteLength;
  }

  // Compared in place: a view per hash match would allocate on nearly every duplicate successor.
  private equals(id: number, src: Uint8Array, length: number): boolean {
    const start = this.start(id);
    if (this.end(id) - start !== length) return false;
    for (let i = 0; i < length; i++) if (this.bytes[start + i] !== src[i]) return false;
    return true;
  }

  private append(src: Uint8Array, length: number, h: number): number {
    while (this.used + length > this.bytes.length) this.bytes = grow(this.bytes, this.bytes.length * 2);
    if (this.count >= this.starts.length) {
      this.starts = grow(this.starts, this.starts.length * 2);
      this.hashes = grow(this.hashes, this.hashes.length * 2);
    }
    this.bytes.set(src.subarray(0, length), this.used);
    const id = this.count++;
    this.starts[id] = this.used;
    this.hashes[id] = h;
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

function grow<T extends Uint8Array | Uint32Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

/** FNV-1a over bytes, finished with a murmur-style mix so low bits spread well. */
export function hashBytes(src: Uint8Array, length: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < length; i++) h = Math.imul(h ^ (src[i] ?? 0), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}
