// The visited set: every state stored once in chunked Uint32Array arenas (in insertion order, which in
// BFS is also the queue order), with its parent index and choice for rebuilding schedules, indexed by an
// open-addressing, linear-probing hash table of 32-bit slots. A slot holds (index + 1) in its low bits
// and the hash's high bits above them as a tag, so most probes are settled without touching the arena.
// Typed arrays only: a JS Set or Map of states would cost ~10x the memory and stops at 2^24 entries.

import { hashWords } from './hash.ts';

export interface StoreOptions {
  readonly stateWords: number;
  /** Hard capacity; also decides how many slot bits the index needs (the rest are tag). */
  readonly maxStates: number;
  /** Initial hash slots (rounded up to a power of two); the table doubles at 3/4 load. */
  readonly initialSlots?: number;
  /** States per arena chunk (rounded up to a power of two); bounds the unused tail to one chunk. */
  readonly chunkStates?: number;
}

/** Parent of the initial state(s). */
export const NO_PARENT = 0xffffffff;
/** `add` results besides a new index. */
export const PRESENT = -1;
export const FULL = -2;

/** The largest capacity: slot indices must leave at least one tag bit and stay positive int32s. */
export const MAX_STATES = 0x7fffffff - 1;

const REHASH_BATCH = 1024;

function powerOfTwoAtLeast(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

export class StateStore {
  readonly stateWords: number;
  readonly maxStates: number;
  /** Number of states stored; their indices are 0 .. count - 1. */
  count = 0;

  private table: Uint32Array;
  private tableMask: number;
  private growAt: number;
  private readonly indexMask: number;
  private readonly tagMask: number;
  private readonly chunkShift: number;
  private readonly chunkMask: number;
  private readonly chunkStates: number;
  private readonly arenas: Uint32Array[] = [];
  private readonly parents: Uint32Array[] = [];
  private readonly choices: Uint8Array[] = [];

  constructor(options: StoreOptions) {
    if (!Number.isInteger(options.stateWords) || options.stateWords < 1) {
      throw new RangeError(`stateWords must be a positive integer, got ${options.stateWords}`);
    }
    this.stateWords = options.stateWords;
    this.maxStates = Math.max(1, Math.min(MAX_STATES, Math.floor(options.maxStates)));
    const indexBits = 32 - Math.clz32(this.maxStates + 1);
    this.indexMask = 2 ** indexBits - 1;
    this.tagMask = ~this.indexMask;
    const slots = powerOfTwoAtLeast(Math.max(16, options.initialSlots ?? 4096));
    this.table = new Uint32Array(slots);
    this.tableMask = slots - 1;
    this.growAt = slots * 0.75;
    this.chunkStates = powerOfTwoAtLeast(Math.max(16, options.chunkStates ?? 65536));
    this.chunkShift = 31 - Math.clz32(this.chunkStates);
    this.chunkMask = this.chunkStates - 1;
  }

  /**
   * Stores the state at `src[at, at + stateWords)` unless already present. Returns its new index,
   * PRESENT if it was already stored, or FULL if it is new but the store holds maxStates states.
   */
  add(src: Uint32Array, at: number, parent: number, choice: number): number {
    const w = this.stateWords;
    const h = hashWords(src, at, w);
    const table = this.table;
    const mask = this.tableMask;
    const tagMask = this.tagMask;
    let i = h & mask;
    for (;;) {
      const slot = table[i] as number;
      if (slot === 0) break;
      if (((slot ^ h) & tagMask) === 0) {
        const index = (slot & this.indexMask) - 1;
        const arena = this.arenas[index >>> this.chunkShift] as Uint32Array;
        const off = (index & this.chunkMask) * w;
        let k = 0;
        while (k < w && arena[off + k] === src[at + k]) k++;
        if (k === w) return PRESENT;
      }
      i = (i + 1) & mask;
    }
    const index = this.count;
    if (index >= this.maxStates) return FULL;
    const c = index >>> this.chunkShift;
    if ((index & this.chunkMask) === 0) this.allocateChunk();
    const arena = this.arenas[c] as Uint32Array;
    const off = (index & this.chunkMask) * w;
    for (let k = 0; k < w; k++) arena[off + k] = src[at + k] as number;
    (this.parents[c] as Uint32Array)[index & this.chunkMask] = parent;
    (this.choices[c] as Uint8Array)[index & this.chunkMask] = choice;
    table[i] = (h & tagMask) | (index + 1);
    this.count = index + 1;
    if (this.count > this.growAt) this.grow();
    return index;
  }

  /** The arena chunk holding state `index`; its words start at `offsetOf(index)`. */
  arenaOf(index: number): Uint32Array {
    return this.arenas[index >>> this.chunkShift] as Uint32Array;
  }

  offsetOf(index: number): number {
    return (index & this.chunkMask) * this.stateWords;
  }

  /** Copies state `index` into `out[at, at + stateWords)`. */
  read(index: number, out: Uint32Array, at = 0): void {
    const arena = this.arenaOf(index);
    const off = this.offsetOf(index);
    for (let k = 0; k < this.stateWords; k++) out[at + k] = arena[off + k] as number;
  }

  parentOf(index: number): number {
    return (this.parents[index >>> this.chunkShift] as Uint32Array)[index & this.chunkMask] as number;
  }

  choiceOf(index: number): number {
    return (this.choices[index >>> this.chunkShift] as Uint8Array)[index & this.chunkMask] as number;
  }

  /** The choices leading from an initial state to state `index`, in order. */
  scheduleTo(index: number): number[] {
    const schedule: number[] = [];
    for (let i = index; this.parentOf(i) !== NO_PARENT; i = this.parentOf(i)) schedule.push(this.choiceOf(i));
    return schedule.reverse();
  }

  /** Hash slots currently allocated. */
  get slots(): number {
    return this.table.length;
  }

  /** Every byte the store has allocated: hash table plus all chunks (words, parents, choices). */
  get bytes(): number {
    const perChunk = this.chunkStates * (4 * this.stateWords + 4 + 1);
    return this.table.byteLength + this.arenas.length * perChunk;
  }

  private allocateChunk(): void {
    this.arenas.push(new Uint32Array(this.chunkStates * this.stateWords));
    this.parents.push(new Uint32Array(this.chunkStates));
    this.choices.push(new Uint8Array(this.chunkStates));
  }

  // Doubling rehashes from the arena in index order (sequential reads; no equality checks, since every
  // stored state is distinct). Hashes are computed a batch at a time so the insert loop is tiny and the
  // CPU can overlap many of its cache misses on the new table: this halves the time spent growing.
  private grow(): void {
    const slots = this.table.length * 2;
    const table = new Uint32Array(slots);
    const mask = slots - 1;
    const tagMask = this.tagMask;
    const w = this.stateWords;
    const hashes = new Int32Array(REHASH_BATCH);
    for (let base = 0; base < this.count; base += REHASH_BATCH) {
      const size = Math.min(REHASH_BATCH, this.count - base);
      for (let j = 0; j < size; j++) {
        const index = base + j;
        const arena = this.arenas[index >>> this.chunkShift] as Uint32Array;
        hashes[j] = hashWords(arena, (index & this.chunkMask) * w, w);
      }
      for (let j = 0; j < size; j++) {
        const h = hashes[j] as number;
        let i = h & mask;
        while (table[i] !== 0) i = (i + 1) & mask;
        table[i] = (h & tagMask) | (base + j + 1);
      }
    }
    this.table = table;
    this.tableMask = mask;
    this.growAt = slots * 0.75;
  }
}
