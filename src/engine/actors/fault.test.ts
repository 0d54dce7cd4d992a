// A page fault on the shared mapping (spec §3.4) and its userfaultfd MISSING path (§3.11).
import { describe, expect, it } from 'vitest';
import { step } from '../step.ts';
import { threadStatus } from '../status.ts';
import { holders, kinds, Script, take } from '../testkit.ts';

describe('fault steps', () => {
  it('mmap_lock: read-locks mmap_lock', () => {
    const { world: w, events } = take(Script.of('v6.4', 'P.F', 'fault:0', 1).world, 0);
    expect(w.locks.mmap).toEqual({ writer: null, readers: [0] });
    expect(w.threads[0]).toMatchObject({ pc: 'get', l: { index: 0 } });
    expect(events.slice(1)).toEqual([{ type: 'lock.acquired', lock: 'mmap', by: 0, mode: 'read' }]);
  });

  it('a cached page: lock keeps it locked; map sets the PTE under the PTL and unlocks', () => {
    const s = Script.of('v6.4', 'P.F', 'fault:0', 1).step(0, 3);
    const r1 = take(s.world, 0);
    expect(r1.world.folios[0]?.locked).toBe(0);
    expect(r1.world.threads[0]?.pc).toBe('map');
    const { world: w, events } = take(r1.world, 0);
    expect(w.proc.ptes).toEqual([0, null, null]);
    expect(w.folios[0]).toMatchObject({ mapcount: 1, refcount: 2, locked: null });
    expect(holders(w.folios[0])).toEqual(['cache:-1', 'pte:-1']);
    expect(w.locks).toMatchObject({ ptl: null, mmap: { writer: null, readers: [] } });
    expect(w.threads[0]).toMatchObject({ done: true, result: 'mapped folio 0', l: { folio: null } });
    expect(events.slice(1)).toEqual([
      { type: 'lock.acquired', lock: 'ptl', by: 0, mode: 'write' },
      { type: 'refcount.changed', folio: 0, holder: 'pte', thread: -1, delta: 1, refcount: 3 },
      { type: 'pte.changed', index: 0, folio: 0 },
      { type: 'lock.released', lock: 'ptl', by: 0 },
      { type: 'page.unlocked', folio: 0, by: 0 },
      { type: 'refcount.changed', folio: 0, holder: 'lookup', thread: 0, delta: -1, refcount: 2 },
      { type: 'lock.released', lock: 'mmap', by: 0 },
      { type: 'thread.finished', thread: 0, result: 'mapped folio 0' },
    ]);
  });

  it('a hole: alloc inserts a page and zeroes it (uptodate) before mapping', () => {
    const s = Script.of('v6.4', 'P.F', 'fault:1', 1).step(0, 2);
    expect(s.thread(0).pc).toBe('alloc');
    const { world: w, events } = take(s.world, 0);
    expect(w.folios[2]).toMatchObject({ uptodate: true, locked: 0, data: [0], valid: [true], index: 1 });
    expect(holders(w.folios[2])).toEqual(['cache:-1', 'lookup:0', 'lru-batch:0']);
    expect(events.at(-1)).toEqual({ type: 'page.flagged', folio: 2, flag: 'uptodate', value: true });
    expect(take(w, 0).world.proc.ptes).toEqual([null, 2, null]);
  });

  it('a fallocated page is instantiated under its lock: zeroed and uptodate', () => {
    const { world: w, events } = take(Script.of('v6.4', 'P.F', 'fault:2', 1).step(0, 3).world, 0);
    expect(w.folios[1]).toMatchObject({ uptodate: true, fallocUnwritten: false, locked: 0, valid: [true] });
    expect(events.slice(1)).toEqual([
      { type: 'page.locked', folio: 1, by: 0 },
      { type: 'page.flagged', folio: 1, flag: 'uptodate', value: true },
    ]);
  });

  it('map leaves an already-present PTE alone', () => {
    const { world: w } = take(Script.of('v6.4', 'M', 'fault:0', 1).to(0, 'map').world, 0);
    expect(w.proc.ptes).toEqual([0]);
    expect(w.folios[0]).toMatchObject({ mapcount: 1, refcount: 2 });
  });

  it('after a collapse retracted the page table, the hpage is mapped with one PMD', () => {
    const s = Script.of('v6.4', 'PP', 'collapse,fault:1', 1).run(0).to(1, 'map');
    const { world: w, events } = take(s.world, 1);
    expect(w.proc).toMatchObject({ pmd: 'huge', pmdFolio: 2, ptes: [null, null] });
    expect(w.folios[2]).toMatchObject({ mapcount: 1, refcount: 3 });
    expect(holders(w.folios[2])).toEqual(['cache:-1', 'cache:-1', 'pmd:-1']);
    expect(kinds({ events })).not.toContain('lock.acquired');
    expect(events).toContainEqual({ type: 'pmd.changed', pmd: 'huge' });
  });
});

describe('fault: userfaultfd MISSING', () => {
  const U = () => Script.of('v6.4', 'P.|uffd', 'fault:1', 1); // T1 is the monitor

  it('a hole raises an event, drops mmap_lock and sleeps on the monitor', () => {
    const { world: w, events } = take(U().step(0).world, 0);
    expect(w.uffdQueue).toEqual([{ thread: 0, index: 1 }]);
    expect(w.locks.mmap.readers).toEqual([]);
    expect(w.slots[1]).toEqual({ t: 'empty' });
    expect(w.threads[0]).toMatchObject({ pc: 'uffd_wait' });
    const block = { kind: 'uffd', index: 1, owner: 1 };
    expect(events.slice(1)).toEqual([
      { type: 'uffd.queued', index: 1, thread: 0 },
      { type: 'lock.released', lock: 'mmap', by: 0 },
      { type: 'thread.blocked', thread: 0, block },
    ]);
    expect(threadStatus(w, w.threads[0] ?? U().thread(0))).toEqual({ t: 'blocked', block });
    expect(step(w, 0)).toMatchObject({ ok: false, error: { kind: 'thread-blocked', block } });
  });

  it('once the monitor resolves it, uffd_wait retries the fault from mmap_lock', () => {
    const s = U().step(0, 2).step(1);
    expect(s.world.uffdQueue).toEqual([]); // its event is off the queue: the fault is awake
    expect(threadStatus(s.world, s.thread(0))).toEqual({ t: 'runnable' });
    const { world: w, events } = take(s.world, 0);
    expect(w.threads[0]).toMatchObject({ pc: 'mmap_lock' });
    expect(events).toHaveLength(1);
    expect(s.run(0).thread(0).result).toBe('mapped folio 1');
  });

  it('a present page raises no event', () => {
    const s = Script.of('v6.4', 'PP|uffd', 'fault:1', 1).run(0);
    expect(s.thread(0).result).toBe('mapped folio 1');
    expect(s.world.uffdQueue).toEqual([]);
  });
});

describe('fault: blocked', () => {
  it('map spins on the PTL mincore holds', () => {
    const s = Script.of('v6.4', 'PP', 'mincore,fault:1', 1).step(0).to(1, 'map');
    expect(threadStatus(s.world, s.thread(1))).toEqual({
      t: 'blocked',
      block: { kind: 'spinlock', lock: 'ptl', owner: 0 },
    });
  });

  it('lock sleeps on the hpage collapse holds until unlock_hpage', () => {
    const s = Script.of('v6.4', 'PP', 'collapse,fault:0', 1).to(0, 'retract').to(1, 'lock');
    const hpage = s.thread(0).l.hpage ?? -1;
    expect(threadStatus(s.world, s.thread(1))).toEqual({
      t: 'blocked',
      block: { kind: 'page-lock', folio: hpage, owner: 0 },
    });
  });
});
