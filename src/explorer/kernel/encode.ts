// A canonical, compact encoding of a kernel World: varint bytes, folios renumbered in order of first
// reference so two worlds that differ only in allocation order encode the same. Strings (program
// counters, results) are interned in a small per-run table. The step clock is left out.

import type { Folio, HolderKind, Thread, World } from '../../engine/index.ts';
import { encodeTree } from './encodeTree.ts';

const HOLDER_CODE: Readonly<Record<HolderKind, number>> = {
  cache: 0,
  pte: 1,
  pmd: 2,
  'collapse-pin': 3,
  isolation: 4,
  'lru-batch': 5,
  lookup: 6,
  gup: 7,
  pin: 8,
  'hpage-alloc': 9,
};

export class WorldEncoder {
  private buf = new Uint8Array(4096);
  private len = 0;
  private readonly strings: string[] = [];
  private readonly stringIds: Record<string, number> = Object.create(null) as Record<string, number>;
  /**
   * Each folio's bytes, kept per folio object: a folio handed out is never written again (the engine's
   * copy-on-write), and its bytes do not depend on the canonical order, so they are reused as they are.
   */
  private readonly folioBytes = new WeakMap<Folio, Uint8Array>();
  private readonly cacheFolios: boolean;
  // The canonical order of the world being encoded: folio id -> canonical number + 1 when the stamp
  // matches this encode's, so nothing is cleared or allocated per world.
  private stamp = 0;
  private stamps = new Int32Array(64);
  private canonOf = new Int32Array(64);
  private readonly order: Folio[] = [];
  /**
   * The folio section of the last encode: its folios in order, its bytes, and where each folio's bytes
   * start in them. Successive worlds (the successors of one state) share most folio objects in the same
   * canonical places, so a run of them is one copy of the last section's bytes.
   */
  private lastOrder: Folio[] = [];
  private lastSection = new Uint8Array(0);
  private lastStarts = new Int32Array(1);
  private starts = new Int32Array(1);
  private world: World | null = null;
  private readonly put = (v: number): void => this.varint(v);
  private readonly canon = (id: number | null): number => this.canonical(id);

  /** `cacheFolios: false` encodes every folio afresh (the bench's baseline). */
  constructor(options: { readonly cacheFolios?: boolean } = {}) {
    this.cacheFolios = options.cacheFolios ?? true;
  }

  /** Encodes w (plus the violation mask of the step that reached it); the bytes are in `bytes[0, length)`. */
  encode(w: World, violations: number): number {
    this.len = 0;
    this.canonicalOrder(w);
    this.varint(violations);
    this.varint(w.iSize);
    this.varint(w.nrpages);
    this.varint(w.nextValue);
    const l = w.locks;
    this.lock(l.xa);
    this.lock(l.ptl);
    this.lock(l.inode);
    this.lock(l.iMmap.writer);
    this.lock(l.mmap.writer);
    this.sortedList(l.iMmap.readers);
    this.sortedList(l.mmap.readers);
    const p = w.proc;
    this.varint(p.pmd === 'table' ? 0 : p.pmd === 'none' ? 1 : 2);
    this.varint(this.canonical(p.pmdFolio));
    this.varint(p.uffdMissing ? 1 : 0);
    for (const id of p.ptes) this.varint(this.canonical(id));
    this.varint(w.lruBatch.length);
    for (const b of w.lruBatch) {
      this.varint(b.cpu + 2);
      this.varint(this.canonical(b.folio));
    }
    this.varint(w.uffdQueue.length);
    for (const e of w.uffdQueue) {
      this.varint(e.thread);
      this.varint(e.index);
    }
    for (const e of w.slots) {
      if (e.t === 'empty') this.varint(0);
      else if (e.t === 'retry') this.varint(1);
      else if (e.t === 'swap') {
        this.varint(2);
        this.varint(e.value);
      } else {
        this.varint(3);
        this.varint(this.canonical(e.folio));
      }
    }
    this.varint(this.order.length);
    if (this.cacheFolios) this.folioSection();
    else for (const f of this.order) this.folio(f);
    for (const t of w.threads) this.thread(t);
    for (const v of w.ghost.logical) this.varint(v);
    this.bits(w.ghost.hasData);
    this.bits(w.ghost.emptySeenRegistered);
    encodeTree(w, this.put, this.canon); // `|xa` only
    this.world = null;
    return this.len;
  }

  get bytes(): Uint8Array {
    return this.buf;
  }

  private lock(o: number | null): void {
    this.varint(o === null ? 0 : o + 2);
  }

  private sortedList(values: readonly number[]): void {
    this.list(values.length < 2 ? values : [...values].sort((a, b) => a - b));
  }

  // The folios in canonical order: runs of the last section's folios in the same places are copied from
  // its bytes (a folio's bytes depend on the folio object alone), the rest come from folioCached.
  private folioSection(): void {
    const order = this.order;
    const last = this.lastOrder;
    const n = order.length;
    if (this.starts.length < n + 1) this.starts = new Int32Array(2 * n + 1);
    const starts = this.starts;
    const from = this.len;
    for (let i = 0; i < n;) {
      if (i < last.length && last[i] === order[i]) {
        let j = i + 1;
        while (j < n && j < last.length && last[j] === order[j]) j++;
        const at = this.len - from;
        const base = this.lastStarts[i] as number;
        for (let k = i; k < j; k++) starts[k] = at + (this.lastStarts[k] as number) - base;
        const bytes = (this.lastStarts[j] as number) - base;
        this.reserve(bytes);
        this.buf.set(this.lastSection.subarray(base, base + bytes), this.len);
        this.len += bytes;
        i = j;
      } else {
        starts[i] = this.len - from;
        this.folioCached(order[i] as Folio);
        i++;
      }
    }
    starts[n] = this.len - from;
    // This section becomes the next encode's reference.
    const size = this.len - from;
    if (this.lastSection.length < size) this.lastSection = new Uint8Array(2 * size);
    this.lastSection.set(this.buf.subarray(from, this.len));
    this.lastOrder.length = n;
    for (let i = 0; i < n; i++) this.lastOrder[i] = order[i] as Folio;
    [this.lastStarts, this.starts] = [this.starts, this.lastStarts];
  }

  private folioCached(f: Folio): void {
    const cached = this.folioBytes.get(f);
    if (cached !== undefined) {
      this.reserve(cached.length);
      this.buf.set(cached, this.len);
      this.len += cached.length;
      return;
    }
    const from = this.len;
    this.folio(f);
    this.folioBytes.set(f, this.buf.slice(from, this.len));
  }

  // Its bytes depend on the folio alone (its hpageOf is a thread, not a folio): see folioBytes.
  private folio(f: Folio): void {
    this.varint(
      (f.huge ? 1 : 0) |
        (f.uptodate ? 2 : 0) |
        (f.dirty ? 4 : 0) |
        (f.lru ? 8 : 0) |
        (f.mapped ? 16 : 0) |
        (f.fallocUnwritten ? 32 : 0) |
        (f.collected ? 64 : 0),
    );
    this.varint(f.index);
    this.lock(f.locked);
    this.lock(f.frozenBy);
    this.varint(f.hpageOf === null ? 0 : f.hpageOf + 1);
    this.varint(f.refcount);
    this.varint(f.mapcount);
    const holders = f.holders.map((h) => (HOLDER_CODE[h.kind] << 5) | (h.thread + 2));
    this.list(holders.length < 2 ? holders : holders.sort((a, b) => a - b));
    this.list(f.data);
    this.bits(f.valid);
  }

  private thread(t: Thread): void {
    const l = t.l;
    this.varint(this.intern(t.pc));
    this.varint(t.done ? 1 : 0);
    this.varint(t.result === null ? 0 : this.intern(t.result) + 1);
    this.varint(l.index);
    this.varint(this.canonical(l.folio));
    this.varint(this.canonical(l.hpage));
    this.varint(l.pagelist.length);
    for (const id of l.pagelist) this.varint(this.canonical(id));
    this.varint(l.nrNone);
    this.varint(l.nrNoneCheck);
    this.varint(this.intern(l.scan));
    this.varint(l.staleCursor ? 1 : 0);
    this.varint(l.expected.length);
    for (const v of l.expected) this.varint(v + 1);
    this.list(l.vec);
    this.varint(l.value);
    this.bits(l.throughout);
    this.varint(l.start);
    this.varint(l.end);
    this.varint(l.found ? 1 : 0);
    this.varint(l.pass);
    this.varint(l.skipFrom);
    this.varint(l.skipTo);
  }

  private intern(s: string): number {
    const known = this.stringIds[s];
    if (known !== undefined) return known;
    const id = this.strings.length;
    this.strings.push(s);
    this.stringIds[s] = id;
    return id;
  }

  private list(values: readonly number[]): void {
    this.varint(values.length);
    for (const v of values) this.varint(v);
  }

  private bits(values: readonly boolean[]): void {
    this.varint(values.length);
    for (let i = 0; i < values.length; i += 7) {
      let b = 0;
      for (let k = 0; k < 7 && i + k < values.length; k++) if (values[i + k]) b |= 1 << k;
      this.varint(b);
    }
  }

  private reserve(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (this.len + n > size) size *= 2;
    const b = new Uint8Array(size);
    b.set(this.buf.subarray(0, this.len));
    this.buf = b;
  }

  private varint(v: number): void {
    if (this.len + 5 > this.buf.length) this.reserve(5);
    let x = v >>> 0;
    while (x >= 0x80) {
      this.buf[this.len++] = (x & 0x7f) | 0x80;
      x >>>= 7;
    }
    this.buf[this.len++] = x;
  }

  /** A folio id's canonical number + 1 in the world being encoded (0 for none, as before: -1 + 1 unknown). */
  private canonical(id: number | null): number {
    if (id === null) return 0;
    return id < this.stamps.length && this.stamps[id] === this.stamp ? (this.canonOf[id] as number) : 0;
  }

  // Folios in order of first reference from slots, page table, lru batch and threads; then the rest by id.
  private canonicalOrder(w: World): void {
    this.world = w;
    this.stamp++;
    this.order.length = 0;
    for (const e of w.slots) if (e.t === 'folio') this.see(e.folio);
    for (const id of w.proc.ptes) this.see(id);
    this.see(w.proc.pmdFolio);
    for (const b of w.lruBatch) this.see(b.folio);
    for (const t of w.threads) {
      this.see(t.l.hpage);
      this.see(t.l.folio);
      for (const id of t.l.pagelist) this.see(id);
    }
    // Ascending ids, as a for-in over the folio map would give them, without a string key per folio.
    for (let id = 0; id < w.nextFolio; id++) this.see(id);
  }

  private see(id: number | null): void {
    if (id === null) return;
    if (id >= this.stamps.length) {
      let size = this.stamps.length * 2;
      while (id >= size) size *= 2;
      const stamps = new Int32Array(size);
      stamps.set(this.stamps);
      const canonOf = new Int32Array(size);
      canonOf.set(this.canonOf);
      this.stamps = stamps;
      this.canonOf = canonOf;
    }
    if (this.stamps[id] === this.stamp) return;
    const f = (this.world as World).folios[id];
    if (!f) return;
    this.stamps[id] = this.stamp;
    this.order.push(f);
    this.canonOf[id] = this.order.length;
  }
}
