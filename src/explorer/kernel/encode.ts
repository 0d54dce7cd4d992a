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

  /** Encodes w (plus the violation mask of the step that reached it); the bytes are in `bytes[0, length)`. */
  encode(w: World, violations: number): number {
    this.len = 0;
    const order = canonicalOrder(w);
    const canon = (id: number | null) => (id === null ? 0 : (order.index[id] ?? -1) + 1);
    const put = (v: number) => this.varint(v);
    put(violations);
    put(w.iSize);
    put(w.nrpages);
    put(w.nextValue);
    const l = w.locks;
    for (const o of [l.xa, l.ptl, l.inode, l.iMmap.writer, l.mmap.writer]) put(o === null ? 0 : o + 2);
    this.list([...l.iMmap.readers].sort((a, b) => a - b));
    this.list([...l.mmap.readers].sort((a, b) => a - b));
    const p = w.proc;
    put(p.pmd === 'table' ? 0 : p.pmd === 'none' ? 1 : 2);
    put(canon(p.pmdFolio));
    put(p.uffdMissing ? 1 : 0);
    for (const id of p.ptes) put(canon(id));
    put(w.lruBatch.length);
    for (const b of w.lruBatch) {
      put(b.cpu + 2);
      put(canon(b.folio));
    }
    put(w.uffdQueue.length);
    for (const e of w.uffdQueue) {
      put(e.thread);
      put(e.index);
    }
    for (const e of w.slots) {
      if (e.t === 'empty') put(0);
      else if (e.t === 'retry') put(1);
      else if (e.t === 'swap') {
        put(2);
        put(e.value);
      } else {
        put(3);
        put(canon(e.folio));
      }
    }
    put(order.folios.length);
    for (const f of order.folios) this.folio(f, canon);
    for (const t of w.threads) this.thread(t, canon);
    for (const v of w.ghost.logical) put(v);
    this.bits(w.ghost.hasData);
    this.bits(w.ghost.emptySeenRegistered);
    encodeTree(w, put, canon); // `|xa` only
    return this.len;
  }

  get bytes(): Uint8Array {
    return this.buf;
  }

  private folio(f: Folio, canon: (id: number | null) => number): void {
    const put = (v: number) => this.varint(v);
    put(
      (f.huge ? 1 : 0) |
        (f.uptodate ? 2 : 0) |
        (f.dirty ? 4 : 0) |
        (f.lru ? 8 : 0) |
        (f.mapped ? 16 : 0) |
        (f.fallocUnwritten ? 32 : 0) |
        (f.collected ? 64 : 0),
    );
    put(f.index);
    put(f.locked === null ? 0 : f.locked + 2);
    put(f.frozenBy === null ? 0 : f.frozenBy + 2);
    put(f.hpageOf === null ? 0 : f.hpageOf + 1);
    put(f.refcount);
    put(f.mapcount);
    const holders = f.holders.map((h) => (HOLDER_CODE[h.kind] << 5) | (h.thread + 2)).sort((a, b) => a - b);
    this.list(holders);
    this.list(f.data);
    this.bits(f.valid);
    void canon;
  }

  private thread(t: Thread, canon: (id: number | null) => number): void {
    const put = (v: number) => this.varint(v);
    const l = t.l;
    put(this.intern(t.pc));
    put(t.done ? 1 : 0);
    put(t.result === null ? 0 : this.intern(t.result) + 1);
    put(l.index);
    put(canon(l.folio));
    put(canon(l.hpage));
    this.list(l.pagelist.map((id) => canon(id)));
    put(l.nrNone);
    put(l.nrNoneCheck);
    put(this.intern(l.scan));
    put(l.staleCursor ? 1 : 0);
    this.list(l.expected.map((v) => v + 1));
    this.list(l.vec);
    put(l.value);
    this.bits(l.throughout);
    put(l.start);
    put(l.end);
    put(l.found ? 1 : 0);
    put(l.pass);
    put(l.skipFrom);
    put(l.skipTo);
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

  private varint(v: number): void {
    if (this.len + 5 > this.buf.length) {
      const b = new Uint8Array(this.buf.length * 2);
      b.set(this.buf);
      this.buf = b;
    }
    let x = v >>> 0;
    while (x >= 0x80) {
      this.buf[this.len++] = (x & 0x7f) | 0x80;
      x >>>= 7;
    }
    this.buf[this.len++] = x;
  }
}

/** Folios in order of first reference from slots, page table, lru batch and threads; then the rest by id. */
function canonicalOrder(w: World): { folios: Folio[]; index: Record<number, number> } {
  const folios: Folio[] = [];
  const index: Record<number, number> = {};
  const see = (id: number | null) => {
    if (id === null || index[id] !== undefined) return;
    const f = w.folios[id];
    if (!f) return;
    index[id] = folios.length;
    folios.push(f);
  };
  for (const e of w.slots) if (e.t === 'folio') see(e.folio);
  for (const id of w.proc.ptes) see(id);
  see(w.proc.pmdFolio);
  for (const b of w.lruBatch) see(b.folio);
  for (const t of w.threads) {
    see(t.l.hpage);
    see(t.l.folio);
    for (const id of t.l.pagelist) see(id);
  }
  for (const f of Object.values(w.folios)) see(f.id);
  return { folios, index };
}
