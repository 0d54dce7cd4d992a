// read() (spec §3.3): the shared lookup (get, check), swap-in, lock with the mapping re-check, copy.
import { describe, expect, it } from 'vitest';
import { step } from '../step.ts';
import { threadStatus } from '../status.ts';
import { holders, kinds, Script, take } from '../testkit.ts';

describe('read steps', () => {
  const R = (i: number) => Script.of('v6.4', 'PS.F', `read:${i}`);

  it('get: a lockless lookup takes a lookup reference; check finds it still there', () => {
    const r1 = take(R(0).world, 0);
    expect(r1.world.threads[0]).toMatchObject({ pc: 'check', l: { folio: 0, index: 0 } });
    expect(holders(r1.world.folios[0])).toEqual(['cache:-1', 'lookup:0']);
    expect(r1.events.slice(1)).toEqual([
      { type: 'refcount.changed', folio: 0, holder: 'lookup', thread: 0, delta: 1, refcount: 2 },
    ]);
    const r2 = take(r1.world, 0);
    expect(r2.world.threads[0]?.pc).toBe('lock');
    expect(kinds(r2)).toEqual(['thread.stepped']);
  });

  it('lock: locks, checks the mapping, unlocks before the copy; copy drops the reference', () => {
    const r1 = take(R(0).step(0, 2).world, 0);
    expect(r1.world.folios[0]?.locked).toBeNull();
    expect(r1.events.slice(1)).toEqual([
      { type: 'page.locked', folio: 0, by: 0 },
      { type: 'page.unlocked', folio: 0, by: 0 },
    ]);
    expect(r1.world.threads[0]?.pc).toBe('copy');
    const r2 = take(r1.world, 0);
    expect(holders(r2.world.folios[0])).toEqual(['cache:-1']);
    expect(r2.world.threads[0]).toMatchObject({ done: true, result: '1', l: { value: 1, folio: null } });
    expect(r2.events.slice(2)).toEqual([
      { type: 'thread.observed', thread: 0, what: 'read(0)', value: '1' },
      { type: 'thread.finished', thread: 0, result: '1' },
    ]);
  });

  it('a hole reads as zeros at once, taking no reference', () => {
    const { world: w, events } = take(R(2).world, 0);
    expect(w.threads[0]).toMatchObject({ done: true, result: '0' });
    expect(events.map((e) => e.type)).toEqual(['thread.stepped', 'thread.observed', 'thread.finished']);
  });

  it('a swap entry: swapin allocates a locked page in the slot, batches it, and read unlocks it', () => {
    const r1 = take(R(1).world, 0);
    expect(r1.world.threads[0]?.pc).toBe('swapin');
    const { world: w, events } = take(r1.world, 0);
    expect(w.slots[1]).toEqual({ t: 'folio', folio: 2 });
    expect(w.folios[2]).toMatchObject({ data: [2], uptodate: true, locked: null, lru: false, mapped: true });
    expect(holders(w.folios[2])).toEqual(['cache:-1', 'lookup:0', 'lru-batch:0']);
    expect(w.folios[2]?.refcount).toBe(3);
    expect(w.nrpages).toBe(3);
    expect(w.lruBatch).toEqual([{ cpu: 0, folio: 2 }]);
    expect(w.locks.xa).toBeNull();
    expect(kinds({ events })).toEqual([
      'thread.stepped',
      'lock.acquired',
      'folio.allocated',
      'page.locked',
      'slot.replaced',
      'inode.changed',
      'lock.released',
      'refcount.changed',
      'lru.batched',
      'page.unlocked',
    ]);
    expect(w.threads[0]).toMatchObject({ pc: 'copy', l: { folio: 2 } });
    expect(take(w, 0).world.threads[0]?.result).toBe('2');
  });

  it('a fallocated page is a hole for SGP_READ: lock, unlock, drop, zeros', () => {
    const { world: w, events } = take(R(3).step(0, 2).world, 0);
    expect(w.folios[1]).toMatchObject({ uptodate: false, locked: null, refcount: 1 });
    expect(w.threads[0]).toMatchObject({ done: true, result: '0' });
    expect(kinds({ events }).slice(0, 4)).toEqual([
      'thread.stepped',
      'page.locked',
      'page.unlocked',
      'refcount.changed',
    ]);
  });

  it('check: the slot changed since get, so drop the reference (freeing the page) and look again', () => {
    const s = Script.of('v6.4', 'PP', 'read:0,punch:0').step(0).to(1, 'partial_first');
    expect(s.world.slots[0]).toEqual({ t: 'empty' });
    expect(holders(s.world.folios[0])).toEqual(['lookup:0']);
    const { world: w, events } = take(s.world, 0);
    expect(w.folios[0]).toBeUndefined();
    expect(w.threads[0]).toMatchObject({ pc: 'get', l: { folio: null } });
    expect(events.slice(1)).toEqual([
      { type: 'refcount.changed', folio: 0, holder: 'lookup', thread: 0, delta: -1, refcount: 0 },
      { type: 'folio.freed', folio: 0 },
    ]);
  });

  it('lock: the page left the file after the check, so unlock and look up again', () => {
    const s = Script.of('v6.4', 'PP', 'read:0,punch:0').step(0, 2).to(1, 'partial_first');
    expect(s.world.folios[0]?.mapped).toBe(false);
    const { world: w, events } = take(s.world, 0);
    expect(w.threads[0]).toMatchObject({ pc: 'get', l: { folio: null } });
    expect(w.folios[0]).toBeUndefined();
    expect(kinds({ events })).toEqual([
      'thread.stepped',
      'page.locked',
      'page.unlocked',
      'refcount.changed',
      'folio.freed',
    ]);
    expect(s.run(0).thread(0).result).toBe('0');
  });
});

describe('read: blocked', () => {
  it('lock sleeps on a page a write holds locked', () => {
    const s = Script.of('v6.4', 'PP', 'write:0,read:0').to(0, 'write').step(1, 2);
    const block = { kind: 'page-lock', folio: 0, owner: 0 };
    expect(threadStatus(s.world, s.thread(1))).toEqual({ t: 'blocked', block });
    expect(step(s.world, 1)).toMatchObject({ ok: false, error: { kind: 'thread-blocked', block } });
    expect(s.step(0).canStep(1)).toBe(true);
  });

  it('swapin spins on the xa_lock collapse holds during its scan', () => {
    const s = Script.of('v6.4', '.S', 'collapse,read:1').to(0, 'scan', 1).step(1);
    expect(s.thread(1).pc).toBe('swapin');
    expect(threadStatus(s.world, s.thread(1))).toEqual({
      t: 'blocked',
      block: { kind: 'spinlock', lock: 'xa_lock', owner: 0 },
    });
  });
});
