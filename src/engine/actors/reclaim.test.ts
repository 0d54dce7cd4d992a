// Memory pressure: swapout (shmem reclaim, spec §3.10) and lru_drain (lru_add_drain_all, §3.9).
import { describe, expect, it } from 'vitest';
import { threadStatus } from '../status.ts';
import { holders, Script, take } from '../testkit.ts';

describe('swapout steps', () => {
  it('isolate: takes the page off the LRU and trylocks it; a mapped page goes to unmap', () => {
    const { world: w, events } = take(Script.of('v6.4', 'MP', 'swapout:0', 1).world, 0);
    expect(w.folios[0]).toMatchObject({ lru: false, locked: 0, refcount: 3 });
    expect(holders(w.folios[0])).toEqual(['cache:-1', 'pte:-1', 'isolation:0']);
    expect(w.threads[0]).toMatchObject({ pc: 'unmap', l: { folio: 0 } });
    expect(events.slice(1)).toEqual([
      { type: 'page.flagged', folio: 0, flag: 'lru', value: false },
      { type: 'refcount.changed', folio: 0, holder: 'isolation', thread: 0, delta: 1, refcount: 3 },
      { type: 'page.locked', folio: 0, by: 0 },
    ]);
  });

  it('unmap clears the PTE under the PTL', () => {
    const { world: w } = take(Script.of('v6.4', 'MP', 'swapout:0', 1).step(0).world, 0);
    expect(w.proc.ptes).toEqual([null, null]);
    expect(w.folios[0]).toMatchObject({ mapcount: 0, refcount: 2 });
    expect(w.locks.ptl).toBeNull();
    expect(w.threads[0]?.pc).toBe('remove');
  });

  it('remove: freezes at 2, stores the swap entry, frees the page', () => {
    const { world: w, events } = take(Script.of('v6.4', 'MP', 'swapout:0', 1).step(0, 2).world, 0);
    expect(w.slots[0]).toEqual({ t: 'swap', value: 1 });
    expect(w.folios[0]).toBeUndefined();
    expect(w.nrpages).toBe(1);
    expect(w.locks.xa).toBeNull();
    expect(w.threads[0]).toMatchObject({ done: true, result: 'swapped out', l: { folio: null } });
    expect(events.slice(1, 6)).toEqual([
      { type: 'lock.acquired', lock: 'xa_lock', by: 0, mode: 'write' },
      { type: 'refcount.frozen', folio: 0, by: 0, from: 2 },
      { type: 'slot.replaced', index: 0, from: 'folio:0', to: 'swap' },
      { type: 'inode.changed', nrpages: 1, iSize: 2 },
      { type: 'lock.released', lock: 'xa_lock', by: 0 },
    ]);
    expect(events.at(-2)).toEqual({ type: 'folio.freed', folio: 0 });
  });

  it('an extra reference (a pin) makes the freeze fail: unlock and put back', () => {
    const s = Script.of('v6.4', 'P^P', 'swapout:0', 1).step(0);
    expect(s.thread(0).pc).toBe('remove');
    const { world: w } = take(s.world, 0);
    expect(w.threads[0]?.result).toBe('busy (extra references)');
    expect(w.folios[0]).toMatchObject({ locked: null, frozenBy: null, lru: false, refcount: 1026 });
    expect(holders(w.folios[0])).toEqual(['cache:-1', 'pin:-1', 'lru-batch:0']);
    expect(w.slots[0]).toEqual({ t: 'folio', folio: 0 });
    expect(w.lruBatch).toEqual([{ cpu: 0, folio: 0 }]);
  });

  it.each([
    ['a hole', '.P'],
    ['a swap entry', 'SP'],
    ['a page in an lru batch', 'P~P'],
    ['a fallocated page', 'FP'],
    ['the huge page', 'HH'],
  ])('%s is not reclaimable', (_what, slots) => {
    const { world: w, events } = take(Script.of('v6.4', slots, 'swapout:0', 1).world, 0);
    expect(w.threads[0]).toMatchObject({ done: true, result: 'not reclaimable' });
    expect(events.map((e) => e.type)).toEqual(['thread.stepped', 'thread.finished']);
  });

  it('a page collapse holds locked is left alone', () => {
    const s = Script.of('v6.4', 'PP', 'collapse,swapout:0', 1).to(0, 'isolate').run(1);
    expect(s.thread(1).result).toBe('not reclaimable');
  });

  it('remove spins on xa_lock; unmap spins on the PTL', () => {
    const s = Script.of('v6.4', '.P', 'collapse,swapout:1', 1).step(1).to(0, 'scan', 1);
    expect(threadStatus(s.world, s.thread(1))).toEqual({
      t: 'blocked',
      block: { kind: 'spinlock', lock: 'xa_lock', owner: 0 },
    });
    const m = Script.of('v6.4', 'MP', 'mincore,swapout:0', 1).step(0).step(1);
    expect(threadStatus(m.world, m.thread(1))).toEqual({
      t: 'blocked',
      block: { kind: 'spinlock', lock: 'ptl', owner: 0 },
    });
  });
});

describe('lru_drain', () => {
  it('drains every CPU: PG_lru set, batch references dropped, one step', () => {
    const s = Script.of('v6.4', 'P~.S', 'read:2,lru_drain', 1).run(0);
    expect(s.world.lruBatch).toEqual([
      { cpu: -1, folio: 0 },
      { cpu: 0, folio: 1 },
    ]);
    const { world: w, events } = take(s.world, 1);
    expect(w.lruBatch).toEqual([]);
    expect(w.folios[0]).toMatchObject({ lru: true, refcount: 1 });
    expect(holders(w.folios[1])).toEqual(['cache:-1']);
    expect(w.threads[1]).toMatchObject({ done: true, result: 'drained' });
    expect(events.slice(-2)).toEqual([
      { type: 'lru.drained', cpu: -1, folios: [0, 1] },
      { type: 'thread.finished', thread: 1, result: 'drained' },
    ]);
  });

  it('with empty batches it only reports an empty drain', () => {
    const { events } = take(Script.of('v6.4', 'PP', 'lru_drain', 1).world, 0);
    expect(events.slice(1)).toEqual([
      { type: 'lru.drained', cpu: -1, folios: [] },
      { type: 'thread.finished', thread: 0, result: 'drained' },
    ]);
  });
});
