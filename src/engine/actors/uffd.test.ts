// userfaultfd: UFFDIO_REGISTER (MODE_MISSING) and the monitor answering with UFFDIO_COPY (spec §3.11).
import { describe, expect, it } from 'vitest';
import { step } from '../step.ts';
import { threadStatus } from '../status.ts';
import { holders, Script, take } from '../testkit.ts';

describe('uffd_register', () => {
  it('sets UFFD_MISSING under mmap_lock (write) in one step; a monitor thread is added', () => {
    const s = Script.of('v6.4', 'P.', 'uffd_register');
    expect(s.world.threads.map((t) => t.actor)).toEqual(['uffd_register', 'uffd_monitor']);
    expect(s.world.proc.uffdMissing).toBe(false);
    const { world: w, events } = take(s.world, 0);
    expect(w.proc.uffdMissing).toBe(true);
    expect(w.locks.mmap).toEqual({ writer: null, readers: [] });
    expect(w.threads[0]).toMatchObject({ done: true, pc: 'done', result: 'registered' });
    expect(events).toEqual([
      {
        type: 'thread.stepped',
        thread: 0,
        step: 'register',
        label: 'userfaultfd_register',
        src: 'userfaultfd_register',
      },
      { type: 'lock.acquired', lock: 'mmap', by: 0, mode: 'write' },
      { type: 'uffd.registered' },
      { type: 'lock.released', lock: 'mmap', by: 0 },
      { type: 'thread.finished', thread: 0, result: 'registered' },
    ]);
  });

  it('sleeps on mmap_lock while a fault holds it for reading', () => {
    const s = Script.of('v6.4', 'P.', 'fault:0,uffd_register').step(0);
    const block = { kind: 'rwsem', lock: 'mmap', owners: [0] };
    expect(threadStatus(s.world, s.thread(1))).toEqual({ t: 'blocked', block });
    expect(step(s.world, 1)).toMatchObject({
      ok: false,
      error: { kind: 'thread-blocked', thread: 1, block },
    });
  });
});

describe('uffd_monitor', () => {
  it('is idle with no events, and stepping it is a typed error', () => {
    const s = Script.of('v6.4', 'P.|uffd', 'read:0');
    expect(threadStatus(s.world, s.thread(1))).toEqual({ t: 'blocked', block: { kind: 'idle' } });
    expect(step(s.world, 1)).toMatchObject({
      ok: false,
      error: { kind: 'thread-blocked', thread: 1, block: { kind: 'idle' } },
    });
  });

  it('serve: UFFDIO_COPY inserts an uptodate page with new data, maps it, wakes the faulter', () => {
    const s = Script.of('v6.4', 'P.|uffd', 'fault:1').step(0, 2);
    const { world: w, events } = take(s.world, 1);
    expect(w.uffdQueue).toEqual([]);
    expect(w.slots[1]).toEqual({ t: 'folio', folio: 1 });
    expect(w.folios[1]).toMatchObject({ data: [3], uptodate: true, dirty: true, mapped: true, mapcount: 1 });
    expect(holders(w.folios[1])).toEqual(['cache:-1', 'lru-batch:1', 'pte:-1']);
    expect(w.proc.ptes).toEqual([null, 1]);
    expect(w.nrpages).toBe(2);
    expect(w.ghost.logical).toEqual([1, 3]);
    expect(w.ghost.hasData).toEqual([true, true]);
    expect(threadStatus(w, w.threads[0]!)).toEqual({ t: 'runnable' }); // the faulter is awake
    expect(w.threads[1]).toMatchObject({ done: false, pc: 'serve', result: 'copied 3 into 1' });
    expect(events.map((e) => e.type)).toEqual([
      'thread.stepped',
      'lock.acquired',
      'folio.allocated',
      'slot.replaced',
      'inode.changed',
      'lock.released',
      'refcount.changed',
      'lru.batched',
      'lock.acquired',
      'refcount.changed',
      'pte.changed',
      'lock.released',
      'uffd.resolved',
      'thread.blocked',
    ]);
    expect(events.at(-1)).toEqual({ type: 'thread.blocked', thread: 1, block: { kind: 'idle' } });
  });

  it('serve on a slot filled meanwhile: EEXIST, nothing inserted, the faulter still woken', () => {
    const s = Script.of('v6.4', 'P.|uffd', 'fault:1,write:1').step(0, 2).run(1);
    expect(s.world.slots[1]).toEqual({ t: 'folio', folio: 1 });
    const { world: w, events } = take(s.world, 2);
    expect(w.threads[2]?.result).toBe('EEXIST at 1');
    expect(Object.keys(w.folios)).toEqual(['0', '1']);
    expect(threadStatus(w, w.threads[0]!)).toEqual({ t: 'runnable' });
    expect(events.slice(1, 2)).toEqual([{ type: 'uffd.resolved', index: 1, thread: 0 }]);
  });

  it('spins on xa_lock (and the PTL) while it has work', () => {
    const s = Script.of('v6.4', 'P..|uffd', 'fault:1,collapse').step(0, 2).to(1, 'scan', 1);
    expect(s.world.uffdQueue).toEqual([{ thread: 0, index: 1 }]);
    expect(threadStatus(s.world, s.thread(2))).toEqual({
      t: 'blocked',
      block: { kind: 'spinlock', lock: 'xa_lock', owner: 1 },
    });
    const m = Script.of('v6.4', 'P.|uffd', 'fault:1,mincore').step(0, 2).step(1);
    expect(threadStatus(m.world, m.thread(2))).toEqual({
      t: 'blocked',
      block: { kind: 'spinlock', lock: 'ptl', owner: 1 },
    });
  });
});
