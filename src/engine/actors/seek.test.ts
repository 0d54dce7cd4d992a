// lseek SEEK_DATA / SEEK_HOLE (spec §3.1) step by step: inode_lock, find, decide.
import { describe, expect, it } from 'vitest';
import { step } from '../step.ts';
import { threadStatus } from '../status.ts';
import { holders, Script, take } from '../testkit.ts';

const result = (slots: string, seek: string) => Script.of('v6.4', slots, seek).run(0).thread(0).result;

describe('seek_data / seek_hole steps', () => {
  it('inode_lock: takes the inode lock and sets the cursor', () => {
    const { world: w, events } = take(Script.of('v6.4', '..PP', 'seek_data:1').world, 0);
    expect(w.locks.inode).toBe(0);
    expect(w.threads[0]).toMatchObject({ pc: 'find', l: { start: 1, index: 1 } });
    expect(events.slice(1)).toEqual([{ type: 'lock.acquired', lock: 'inode', by: 0, mode: 'write' }]);
  });

  it('inode_lock at i_size: SEEK_DATA answers ENXIO at once and releases the lock', () => {
    const { world: w, events } = take(Script.of('v6.4', 'PPPP', 'seek_data:4').world, 0);
    expect(w.locks.inode).toBeNull();
    expect(w.threads[0]).toMatchObject({ done: true, pc: 'done', result: 'ENXIO', l: { value: 4 } });
    expect(events.slice(1)).toEqual([
      { type: 'lock.acquired', lock: 'inode', by: 0, mode: 'write' },
      { type: 'lock.released', lock: 'inode', by: 0 },
      { type: 'thread.observed', thread: 0, what: 'SEEK_DATA(4)', value: 'ENXIO' },
      { type: 'thread.finished', thread: 0, result: 'ENXIO' },
    ]);
  });

  it('find: skips holes and takes a lookup reference on the next folio', () => {
    const { world: w, events } = take(Script.of('v6.4', '..PP', 'seek_data:0').step(0).world, 0);
    expect(w.threads[0]).toMatchObject({ pc: 'decide', l: { index: 2, folio: 0 } });
    expect(holders(w.folios[0])).toEqual(['cache:-1', 'lookup:0']);
    expect(w.folios[0]?.refcount).toBe(2);
    expect(events.slice(1)).toEqual([
      { type: 'refcount.changed', folio: 0, holder: 'lookup', thread: 0, delta: 1, refcount: 2 },
    ]);
  });

  it('decide on an uptodate folio: data; the reference is dropped and the call returns', () => {
    const { world: w, events } = take(Script.of('v6.4', '..PP', 'seek_data:0').step(0, 2).world, 0);
    expect(holders(w.folios[0])).toEqual(['cache:-1']);
    expect(w.threads[0]).toMatchObject({ done: true, result: '2', l: { folio: null, value: 2 } });
    expect(w.locks.inode).toBeNull();
    expect(events.map((e) => e.type)).toEqual([
      'thread.stepped',
      'refcount.changed',
      'lock.released',
      'thread.observed',
      'thread.finished',
    ]);
  });

  it('decide on a fallocated (!uptodate) folio: a hole for SEEK_DATA, the scan continues after it', () => {
    const { world: w } = take(Script.of('v6.4', 'F.SP', 'seek_data:0').step(0, 2).world, 0);
    expect(w.threads[0]).toMatchObject({ done: false, pc: 'find', l: { start: 1, index: 1, folio: null } });
    expect(w.folios[0]?.refcount).toBe(1);
  });

  it('find on a swap entry decides at once: it is data', () => {
    const s = Script.of('v6.4', 'F.SP', 'seek_data:0').step(0, 3);
    const { world: w } = take(s.world, 0);
    expect(w.threads[0]).toMatchObject({ done: true, result: '2' });
  });

  it.each([
    ['PPPP', 'seek_data:0', '0'],
    ['PPPP', 'seek_data:3', '3'],
    ['PP..', 'seek_data:2', 'ENXIO'],
    ['FFFF', 'seek_data:0', 'ENXIO'],
    ['PPPP', 'seek_hole:0', '4'],
    ['PP.P', 'seek_hole:0', '2'],
    ['PFPP', 'seek_hole:0', '1'],
    ['.PPP', 'seek_hole:0', '0'],
    ['HHHH', 'seek_hole:1', '4'],
    ['HHHH', 'seek_data:2', '2'],
    ['SSSS', 'seek_hole:1', '4'],
  ])('%s %s returns %s', (slots, seek, want) => {
    expect(result(slots, seek)).toBe(want);
  });
});

describe('seek: blocked', () => {
  it('inode_lock sleeps on the inode rwsem another seek holds; the step reports thread.blocked', () => {
    const s = Script.of('v6.4', 'PPPP', 'seek_data:0,seek_hole:0');
    const r = take(s.world, 0);
    const block = { kind: 'rwsem', lock: 'inode', owners: [0] };
    expect(r.events.at(-1)).toEqual({ type: 'thread.blocked', thread: 1, block });
    expect(threadStatus(r.world, r.world.threads[1] ?? s.thread(1))).toEqual({ t: 'blocked', block });
    expect(step(r.world, 1)).toMatchObject({
      ok: false,
      error: { kind: 'thread-blocked', thread: 1, block, message: expect.stringMatching(/inode/) },
    });
  });

  it('find spins on a page v5 keeps frozen in the cache', () => {
    const s = Script.of('v5-nak', 'PPPP', 'collapse,seek_data:0').to(0, 'scan', 1).step(1);
    expect(threadStatus(s.world, s.thread(1))).toEqual({
      t: 'blocked',
      block: { kind: 'frozen', folio: 0, index: 0, owner: 0 },
    });
  });

  it('find spins on a retry entry while collapse holds xa_lock (v6.4)', () => {
    const s = Script.of('v6.4', 'P.PP', 'collapse,seek_data:1').to(0, 'revalidate_check').step(1);
    expect(threadStatus(s.world, s.thread(1))).toEqual({
      t: 'blocked',
      block: { kind: 'retry-entry', index: 1, owner: 0 },
    });
  });
});
