// mincore and the memcg v1 charge-moving walk (spec §3.2) step by step: walk, pte, page.
import { describe, expect, it } from 'vitest';
import { step } from '../step.ts';
import { threadStatus } from '../status.ts';
import { Script, take } from '../testkit.ts';

/** 'MF.S': a mapped page, a fallocated page, a hole, a swap entry. */
const M = (actor = 'mincore') => Script.of('v6.4', 'MF.S', actor, 1);

describe('mincore steps', () => {
  it('walk: takes mmap_lock (read) and the PTL for the page table, and clears the vector', () => {
    const { world: w, events } = take(M().world, 0);
    expect(w.locks.ptl).toBe(0);
    expect(w.locks.mmap.readers).toEqual([0]);
    expect(w.threads[0]).toMatchObject({ pc: 'pte', l: { index: 0, vec: [0, 0, 0, 0] } });
    expect(events.slice(1)).toEqual([
      { type: 'lock.acquired', lock: 'mmap', by: 0, mode: 'read' },
      { type: 'lock.acquired', lock: 'ptl', by: 0, mode: 'write' },
    ]);
  });

  it('pte: a present PTE counts as resident without a lookup', () => {
    const { world: w, events } = take(M().step(0).world, 0);
    expect(w.threads[0]).toMatchObject({ pc: 'pte', l: { index: 1, vec: [1, 0, 0, 0] } });
    expect(events).toHaveLength(1);
  });

  it('pte on pte_none with a folio: a lookup reference; page: drop it and report !uptodate as 0', () => {
    const r1 = take(M().step(0, 2).world, 0);
    expect(r1.world.threads[0]).toMatchObject({ pc: 'page', l: { folio: 1, index: 1 } });
    expect(r1.world.folios[1]?.holders.map((h) => `${h.kind}:${h.thread}`)).toEqual(['cache:-1', 'lookup:0']);
    const r2 = take(r1.world, 0);
    expect(r2.world.folios[1]?.refcount).toBe(1);
    expect(r2.world.threads[0]).toMatchObject({ pc: 'pte', l: { folio: null, index: 2, vec: [1, 0, 0, 0] } });
    expect(r2.events.slice(1)).toEqual([
      { type: 'refcount.changed', folio: 1, holder: 'lookup', thread: 0, delta: -1, refcount: 1 },
    ]);
  });

  it('a hole and a swap entry report 0; past the end the PTL is released and the vector returned', () => {
    const s = M().step(0, 6);
    expect(s.thread(0).l.index).toBe(4);
    expect(s.world.locks.ptl).toBe(0);
    const { world: w, events } = take(s.world, 0);
    expect(w.locks.ptl).toBeNull();
    expect(w.threads[0]).toMatchObject({ done: true, result: '1000' });
    expect(w.locks.mmap.readers).toEqual([]);
    expect(events.slice(1)).toEqual([
      { type: 'lock.released', lock: 'ptl', by: 0 },
      { type: 'lock.released', lock: 'mmap', by: 0 },
      { type: 'thread.observed', thread: 0, what: 'mincore', value: '1000' },
      { type: 'thread.finished', thread: 0, result: '1000' },
    ]);
  });

  it('an uptodate page in the cache reports 1', () => {
    expect(Script.of('v6.4', 'PP', 'mincore', 1).run(0).thread(0).result).toBe('11');
  });

  it('after a collapse retracted the page table: no PTL, each index is looked up', () => {
    const s = Script.of('v6.4', 'PP.P', 'collapse,mincore', 1).run(0);
    expect(s.world.proc.pmd).toBe('none');
    const r = take(s.world, 1);
    expect(r.world.locks.ptl).toBeNull();
    expect(r.events.slice(1)).toEqual([{ type: 'lock.acquired', lock: 'mmap', by: 1, mode: 'read' }]);
    expect(s.run(1).thread(1).result).toBe('1111');
  });

  it('a huge PMD reports everything resident in one step', () => {
    const s = Script.of('v6.4', 'PPPP', 'collapse,fault:0,mincore', 1).run(0).run(1);
    expect(s.world.proc.pmd).toBe('huge');
    const { world: w, events } = take(s.world, 2);
    expect(w.threads[2]).toMatchObject({ done: true, result: '1111' });
    expect(w.locks.ptl).toBeNull();
    expect(events.slice(1, 5)).toEqual([
      { type: 'lock.acquired', lock: 'mmap', by: 2, mode: 'read' },
      { type: 'lock.acquired', lock: 'ptl', by: 2, mode: 'write' },
      { type: 'lock.released', lock: 'ptl', by: 2 },
      { type: 'lock.released', lock: 'mmap', by: 2 },
    ]);
  });

  it('memcg_move walks the same way and finishes "walked" without an observation', () => {
    const s = M('memcg_move').step(0, 6);
    expect(s.world.locks.ptl).toBe(0);
    const { world: w, events } = take(s.world, 0);
    expect(w.threads[0]).toMatchObject({ done: true, result: 'walked' });
    expect(events.map((e) => e.type)).toEqual([
      'thread.stepped',
      'lock.released',
      'lock.released',
      'thread.finished',
    ]);
  });
});

describe('mincore: blocked', () => {
  it('walk spins on a PTL another walker holds', () => {
    const s = Script.of('v6.4', 'PP', 'mincore,memcg_move', 1).step(0);
    expect(threadStatus(s.world, s.thread(1))).toEqual({
      t: 'blocked',
      block: { kind: 'spinlock', lock: 'ptl', owner: 0 },
    });
    expect(step(s.world, 1)).toMatchObject({ ok: false, error: { kind: 'thread-blocked', thread: 1 } });
  });

  it('pte spins on a frozen page while holding the PTL (v5)', () => {
    const s = Script.of('v5-nak', 'PPPP', 'collapse,mincore', 1).to(0, 'scan', 1).step(1);
    expect(s.world.locks.ptl).toBe(1);
    expect(threadStatus(s.world, s.thread(1))).toEqual({
      t: 'blocked',
      block: { kind: 'frozen', folio: 0, index: 0, owner: 0 },
    });
  });

  it('pte spins on a retry entry', () => {
    const s = Script.of('v6.4', '.P', 'collapse,mincore', 1).to(0, 'revalidate_check').step(1);
    expect(threadStatus(s.world, s.thread(1))).toEqual({
      t: 'blocked',
      block: { kind: 'retry-entry', index: 0, owner: 0 },
    });
  });
});
