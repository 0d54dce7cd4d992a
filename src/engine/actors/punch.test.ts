// Hole punch and truncate: shmem_undo_range's pass 1, partial pages, pass 2 (spec §3.7).
import { describe, expect, it } from 'vitest';
import { step } from '../step.ts';
import { threadStatus } from '../status.ts';
import { kinds, Script, take } from '../testkit.ts';

describe('punch / truncate steps', () => {
  it('punch inode_lock: one-page range, the ghost forgets the data', () => {
    const { world: w, events } = take(Script.of('v6.4', 'MPSP', 'punch:1').world, 0);
    expect(w.locks.inode).toBe(0);
    expect(w.threads[0]).toMatchObject({ pc: 'unmap', l: { start: 1, end: 2, skipFrom: 4, skipTo: 4 } });
    expect(w.ghost.logical).toEqual([1, 0, 3, 4]);
    expect(w.ghost.hasData).toEqual([true, false, true, true]);
    expect(w.iSize).toBe(4);
    expect(kinds({ events })).toEqual(['thread.stepped', 'lock.acquired']);
  });

  it('truncate inode_lock lowers i_size first and covers the tail', () => {
    const { world: w, events } = take(Script.of('v6.4', 'MPSP', 'truncate:1').world, 0);
    expect(w.iSize).toBe(1);
    expect(w.threads[0]?.l).toMatchObject({ start: 1, end: 4 });
    expect(w.ghost.logical).toEqual([1, 0, 0, 0]);
    expect(events.at(-1)).toEqual({ type: 'inode.changed', nrpages: 3, iSize: 1 });
  });

  it('unmap zaps the PTEs of the range under the PTL', () => {
    const { world: w, events } = take(Script.of('v6.4', 'MPSP', 'punch:0').step(0).world, 0);
    expect(w.proc.ptes).toEqual([null, null, null, null]);
    expect(w.folios[0]).toMatchObject({ mapcount: 0, refcount: 1 });
    expect(w.threads[0]).toMatchObject({ pc: 'pass1', l: { index: 0 } });
    expect(events.slice(1)).toEqual([
      { type: 'lock.acquired', lock: 'ptl', by: 0, mode: 'write' },
      { type: 'refcount.changed', folio: 0, holder: 'pte', thread: -1, delta: -1, refcount: 1 },
      { type: 'pte.changed', index: 0, folio: null },
      { type: 'lock.released', lock: 'ptl', by: 0 },
    ]);
  });

  it('pass1 trylocks a page fully inside the range and removes it (freed with the last reference)', () => {
    const { world: w, events } = take(Script.of('v6.4', 'MPSP', 'punch:1').step(0, 2).world, 0);
    expect(w.slots[1]).toEqual({ t: 'empty' });
    expect(w.folios[1]).toBeUndefined();
    expect(w.nrpages).toBe(2);
    expect(w.threads[0]).toMatchObject({ pc: 'pass1', l: { index: 2 } });
    expect(events.slice(1)).toEqual([
      { type: 'refcount.changed', folio: 1, holder: 'lookup', thread: 0, delta: 1, refcount: 2 },
      { type: 'page.locked', folio: 1, by: 0 },
      { type: 'lock.acquired', lock: 'xa_lock', by: 0, mode: 'write' },
      { type: 'slot.replaced', index: 1, from: 'folio:1', to: 'empty' },
      { type: 'inode.changed', nrpages: 2, iSize: 4 },
      { type: 'page.flagged', folio: 1, flag: 'mapping', value: false },
      { type: 'refcount.changed', folio: 1, holder: 'cache', thread: -1, delta: -1, refcount: 1 },
      { type: 'lock.released', lock: 'xa_lock', by: 0 },
      { type: 'page.unlocked', folio: 1, by: 0 },
      { type: 'refcount.changed', folio: 1, holder: 'lookup', thread: 0, delta: -1, refcount: 0 },
      { type: 'folio.freed', folio: 1 },
    ]);
  });

  it('pass1 frees a swap entry; nrpages is unchanged', () => {
    const { world: w, events } = take(Script.of('v6.4', 'MPSP', 'punch:2').step(0, 2).world, 0);
    expect(w.slots[2]).toEqual({ t: 'empty' });
    expect(w.nrpages).toBe(3);
    expect(events.slice(1)).toEqual([
      { type: 'lock.acquired', lock: 'xa_lock', by: 0, mode: 'write' },
      { type: 'slot.replaced', index: 2, from: 'swap', to: 'empty' },
      { type: 'lock.released', lock: 'xa_lock', by: 0 },
    ]);
  });

  it('an empty range end: partial steps, pass 2 finds nothing, finish drops the inode lock', () => {
    const s = Script.of('v6.4', 'MPSP', 'punch:1').step(0, 4);
    expect(s.thread(0).pc).toBe('partial_first');
    s.step(0, 2);
    expect(s.thread(0).pc).toBe('p2_start');
    s.step(0, 2);
    expect(s.thread(0).pc).toBe('finish');
    const { world: w, events } = take(s.world, 0);
    expect(w.locks.inode).toBeNull();
    expect(w.threads[0]).toMatchObject({ done: true, result: 'punched 1' });
    expect(events.slice(1)).toEqual([
      { type: 'lock.released', lock: 'inode', by: 0 },
      { type: 'thread.finished', thread: 0, result: 'punched 1' },
    ]);
  });

  it('model 2: partial_first on a huge page that straddles the range zeroes the covered part and cuts it out of pass 2', () => {
    const s = Script.of('v6.4', 'PPPP', 'collapse,punch:1', 2).run(0).to(1, 'partial_first');
    expect(s.world.slots[1]).toEqual({ t: 'folio', folio: 4 });
    const { world: w, events } = take(s.world, 1);
    expect(w.folios[4]).toMatchObject({ data: [1, 0, 3, 4], locked: null, refcount: 4 });
    expect(w.slots.every((e) => e.t === 'folio' && e.folio === 4)).toBe(true);
    expect(w.threads[1]?.l).toMatchObject({ skipFrom: 0, skipTo: 4 });
    expect(events).toContainEqual({ type: 'page.written', folio: 4, index: 1, value: 0 });
    expect(s.run(1).thread(1).result).toBe('punched 1');
  });

  it('truncate: pass 2 sleeps on a page collapse holds, then removes it and makes another pass', () => {
    const s = Script.of('v6.4', 'P.PP', 'collapse,truncate:1').to(0, 'isolate', 2).to(1, 'p2_lock');
    expect(s.thread(1).l).toMatchObject({ index: 2, folio: 1, pass: 2 });
    const block = { kind: 'page-lock', folio: 1, owner: 0 };
    expect(threadStatus(s.world, s.thread(1))).toEqual({ t: 'blocked', block });
    expect(step(s.world, 1)).toMatchObject({ ok: false, error: { kind: 'thread-blocked', block } });
    s.run(0);
    expect(s.thread(0).result).toBe('SCAN_PAGE_COUNT'); // truncate's lookup reference
    const { world: w } = take(s.world, 1);
    expect(w.slots[2]).toEqual({ t: 'empty' });
    expect(w.threads[1]?.l).toMatchObject({ found: true, index: 3, folio: null });
    expect(s.run(1).thread(1).result).toBe('truncated to 1');
  });

  it('pass 2 meets a page that left the file while it slept: it looks the same index up again', () => {
    const s = Script.of('v6.4', 'P.P.', 'collapse,truncate:1').to(0, 'copy_all').to(1, 'p2_lock');
    expect(s.thread(1).l).toMatchObject({ index: 2, folio: 1 });
    expect(s.run(0).thread(0).result).toBe('SCAN_SUCCEED'); // past its count check: the lookup ref is late
    expect(s.world.folios[1]).toMatchObject({ mapped: false, locked: null, refcount: 1 });
    const { world: w, events } = take(s.world, 1);
    expect(w.threads[1]).toMatchObject({ pc: 'p2_get', l: { index: 2, folio: null } });
    expect(kinds({ events })).toEqual([
      'thread.stepped',
      'page.locked',
      'page.unlocked',
      'refcount.changed',
      'folio.freed',
    ]);
  });
});

describe('punch: blocked', () => {
  it('inode_lock sleeps on the inode lock SEEK holds', () => {
    const s = Script.of('v6.4', 'PP', 'seek_data:0,punch:0').step(0);
    expect(threadStatus(s.world, s.thread(1))).toEqual({
      t: 'blocked',
      block: { kind: 'rwsem', lock: 'inode', owners: [0] },
    });
  });

  it('unmap spins on the PTL', () => {
    const s = Script.of('v6.4', 'PP', 'mincore,punch:0').step(0).step(1);
    expect(threadStatus(s.world, s.thread(1))).toMatchObject({ block: { kind: 'spinlock', lock: 'ptl' } });
  });

  it('pass1 spins on xa_lock only when it has something to remove', () => {
    const s = Script.of('v6.4', '.PP', 'collapse,punch:1').to(0, 'scan', 1).step(1, 2);
    expect(threadStatus(s.world, s.thread(1))).toEqual({
      t: 'blocked',
      block: { kind: 'spinlock', lock: 'xa_lock', owner: 0 },
    });
  });

  it('partial_first sleeps on the edge page collapse holds', () => {
    const s = Script.of('v6.4', 'PP', 'collapse,punch:0').to(0, 'isolate').to(1, 'partial_first');
    expect(threadStatus(s.world, s.thread(1))).toEqual({
      t: 'blocked',
      block: { kind: 'page-lock', folio: 0, owner: 0 },
    });
  });
});
