// fallocate() in allocate mode (spec §3.6): a hole gets a page that is NOT uptodate.
import { describe, expect, it } from 'vitest';
import { threadStatus } from '../status.ts';
import { holders, Script, take } from '../testkit.ts';

describe('fallocate steps', () => {
  it('inode_lock, then the lookup of a hole leads to alloc', () => {
    const r = take(Script.of('v6.4', 'P.', 'fallocate:1').world, 0);
    expect(r.world.locks.inode).toBe(0);
    expect(r.world.threads[0]).toMatchObject({ pc: 'get', l: { index: 1 } });
    expect(take(r.world, 0).world.threads[0]?.pc).toBe('alloc');
  });

  it('alloc: a locked, !uptodate, unwritten page; finish unlocks it and the inode', () => {
    const s = Script.of('v6.4', 'P.', 'fallocate:1').to(0, 'alloc');
    const r1 = take(s.world, 0);
    const f = r1.world.folios[1];
    expect(f).toMatchObject({ uptodate: false, fallocUnwritten: true, valid: [false], data: [0], locked: 0 });
    expect(holders(f)).toEqual(['cache:-1', 'lookup:0', 'lru-batch:0']);
    expect(r1.world.slots[1]).toEqual({ t: 'folio', folio: 1 });
    expect(r1.world.nrpages).toBe(2);
    expect(r1.world.threads[0]?.pc).toBe('finish');
    const { world: w, events } = take(r1.world, 0);
    expect(w.folios[1]).toMatchObject({ locked: null, uptodate: false, refcount: 2 });
    expect(w.locks.inode).toBeNull();
    expect(w.ghost.logical).toEqual([1, 0]);
    expect(w.threads[0]).toMatchObject({ done: true, result: 'allocated', l: { folio: null } });
    expect(events.slice(1)).toEqual([
      { type: 'page.unlocked', folio: 1, by: 0 },
      { type: 'refcount.changed', folio: 1, holder: 'lookup', thread: 0, delta: -1, refcount: 2 },
      { type: 'lock.released', lock: 'inode', by: 0 },
      { type: 'thread.finished', thread: 0, result: 'allocated' },
    ]);
  });

  it('an existing uptodate page is left as it is; an earlier fallocated one is zeroed and marked uptodate', () => {
    const p = Script.of('v6.4', 'P', 'fallocate:0').run(0);
    expect(p.world.folios[0]).toMatchObject({ uptodate: true, data: [1], locked: null, refcount: 1 });
    // shmem_get_folio_gfp(SGP_FALLOC) initialises a folio fallocated earlier, lest undo cancel it.
    const f = Script.of('v6.4', 'F', 'fallocate:0').run(0);
    expect(f.world.folios[0]).toMatchObject({
      uptodate: true,
      data: [0],
      fallocUnwritten: false,
      locked: null,
      refcount: 1,
    });
    expect(f.world.nrpages).toBe(1);
  });

  it('a swap entry is swapped in (and stays uptodate)', () => {
    const s = Script.of('v6.4', 'S', 'fallocate:0').run(0);
    expect(s.world.slots[0]).toEqual({ t: 'folio', folio: 0 });
    expect(s.world.folios[0]).toMatchObject({ data: [1], uptodate: true, locked: null });
  });

  it('inode_lock sleeps on the inode rwsem a write holds', () => {
    const s = Script.of('v6.4', 'P.', 'write:0,fallocate:1').step(0);
    expect(threadStatus(s.world, s.thread(1))).toEqual({
      t: 'blocked',
      block: { kind: 'rwsem', lock: 'inode', owners: [0] },
    });
  });
});
