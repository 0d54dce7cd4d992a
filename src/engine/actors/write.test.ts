// write() (spec §3.5): inode_lock, the shmem lookup (allocating on a hole), write_end.
import { describe, expect, it } from 'vitest';
import { threadStatus } from '../status.ts';
import { holders, kinds, Script, take } from '../testkit.ts';

describe('write steps', () => {
  it('inode_lock: takes the inode lock and aims the lookup at the index', () => {
    const { world: w, events } = take(Script.of('v6.4', 'PP.F', 'write:2').world, 0);
    expect(w.locks.inode).toBe(0);
    expect(w.threads[0]).toMatchObject({ pc: 'get', l: { index: 2 } });
    expect(events.slice(1)).toEqual([{ type: 'lock.acquired', lock: 'inode', by: 0, mode: 'write' }]);
  });

  it('an existing page: get, check, lock (kept locked), write_end writes a fresh value', () => {
    const s = Script.of('v6.4', 'PP.F', 'write:1').step(0, 3);
    const r1 = take(s.world, 0);
    expect(r1.world.folios[1]).toMatchObject({ locked: 0 });
    expect(r1.world.threads[0]?.pc).toBe('write');
    const { world: w, events } = take(r1.world, 0);
    expect(w.folios[1]).toMatchObject({ data: [5], locked: null, uptodate: true, dirty: true, refcount: 1 });
    expect(w.ghost.logical).toEqual([1, 5, 0, 0]);
    expect(w.ghost.hasData).toEqual([true, true, false, false]);
    expect(w.nextValue).toBe(6);
    expect(w.locks.inode).toBeNull();
    expect(w.threads[0]).toMatchObject({ done: true, result: 'wrote 5', l: { folio: null } });
    expect(events.slice(1)).toEqual([
      { type: 'page.written', folio: 1, index: 1, value: 5 },
      { type: 'page.unlocked', folio: 1, by: 0 },
      { type: 'refcount.changed', folio: 1, holder: 'lookup', thread: 0, delta: -1, refcount: 1 },
      { type: 'lock.released', lock: 'inode', by: 0 },
      { type: 'thread.observed', thread: 0, what: 'write(1)', value: '5' },
      { type: 'thread.finished', thread: 0, result: 'wrote 5' },
    ]);
  });

  it('a hole: alloc inserts a locked, !uptodate page under xa_lock; write_end makes it uptodate', () => {
    const s = Script.of('v6.4', 'PP.F', 'write:2').step(0, 2);
    expect(s.thread(0).pc).toBe('alloc');
    const r1 = take(s.world, 0);
    const f = r1.world.folios[3];
    expect(f).toMatchObject({ index: 2, uptodate: false, locked: 0, lru: false, mapped: true });
    expect(f).toMatchObject({ fallocUnwritten: false, dirty: false, data: [0], refcount: 3 });
    expect(holders(f)).toEqual(['cache:-1', 'lookup:0', 'lru-batch:0']);
    expect(r1.world.slots[2]).toEqual({ t: 'folio', folio: 3 });
    expect(r1.world.nrpages).toBe(4);
    expect(r1.world.lruBatch).toEqual([{ cpu: 0, folio: 3 }]);
    expect(r1.world.locks.xa).toBeNull();
    expect(r1.violations).toEqual([]);
    const r2 = take(r1.world, 0);
    expect(r2.world.folios[3]).toMatchObject({ uptodate: true, dirty: true, data: [5] });
    expect(kinds(r2).slice(0, 4)).toEqual(['thread.stepped', 'page.written', 'page.flagged', 'page.flagged']);
  });

  it('a fallocated page is written without being zeroed first', () => {
    const s = Script.of('v6.4', 'PP.F', 'write:3').to(0, 'write');
    expect(s.world.folios[2]).toMatchObject({ uptodate: false, fallocUnwritten: true, locked: 0 });
    const { world: w } = take(s.world, 0);
    expect(w.folios[2]).toMatchObject({ uptodate: true, fallocUnwritten: false, valid: [true], data: [5] });
  });

  it('alloc finds the hole filled meanwhile (-EEXIST) and looks again', () => {
    const s = Script.of('v6.4', '.', 'write:0,fault:0').to(0, 'alloc').to(1, 'alloc').step(1);
    const { world: w, events } = take(s.world, 0);
    expect(w.threads[0]?.pc).toBe('get');
    expect(kinds({ events })).toEqual(['thread.stepped']);
    expect(s.run(1).run(0).thread(0).result).toBe('wrote 2');
  });
});

describe('write: blocked', () => {
  it('inode_lock sleeps on the inode rwsem a punch holds', () => {
    const s = Script.of('v6.4', 'PP', 'punch:0,write:1').step(0);
    expect(threadStatus(s.world, s.thread(1))).toEqual({
      t: 'blocked',
      block: { kind: 'rwsem', lock: 'inode', owners: [0] },
    });
  });

  it('alloc spins on the xa_lock collapse holds', () => {
    const s = Script.of('v6.4', '.P', 'collapse,write:0').to(0, 'scan', 1).to(1, 'alloc');
    expect(threadStatus(s.world, s.thread(1))).toEqual({
      t: 'blocked',
      block: { kind: 'spinlock', lock: 'xa_lock', owner: 0 },
    });
  });

  it('lock sleeps on a page collapse holds', () => {
    const s = Script.of('v6.4', 'PP', 'collapse,write:0').to(0, 'isolate').to(1, 'lock');
    expect(threadStatus(s.world, s.thread(1))).toEqual({
      t: 'blocked',
      block: { kind: 'page-lock', folio: 0, owner: 0 },
    });
  });
});
