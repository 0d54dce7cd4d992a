// collapse_file() on the PRE variants (spec §2.1, §2.5), failures with rollback, and its blocked steps.
import { describe, expect, it } from 'vitest';
import { step } from '../step.ts';
import { threadStatus } from '../status.ts';
import { holders, Script, take } from '../testkit.ts';
import type { EngineEvent, World } from '../types.ts';

/** Event types, without the invariant reports (checked separately). */
const types = (ev: readonly EngineEvent[]) => ev.map((e) => e.type).filter((x) => x !== 'invariant.violated');
const slotIds = (w: World) => w.slots.map((e) => (e.t === 'folio' ? e.folio : e.t));

describe('collapse (v6.3): replace while scanning', () => {
  const K = () => Script.of('v6.3', 'P.P', 'collapse', 1); // folios 0, 1; the hpage is folio 2

  it('takes xa_lock before locking the hpage (the pre-refactor order)', () => {
    const s = K().step(0);
    expect(s.thread(0).pc).toBe('create_range');
    const r1 = take(s.world, 0);
    expect(r1.world.locks.xa).toBe(0);
    expect(r1.world.threads[0]?.pc).toBe('init_hpage');
    const r2 = take(r1.world, 0);
    expect(r2.world.folios[2]).toMatchObject({ locked: 0, mapped: true });
    expect(r2.world.locks.xa).toBe(0);
    expect(r2.world.threads[0]?.pc).toBe('scan');
  });

  it('freeze: page_ref_freeze(3) zeroes the count and the hpage takes the slot', () => {
    const { world: w, events, violations } = take(K().to(0, 'freeze').world, 0);
    expect(w.folios[0]).toMatchObject({ frozenBy: 0, refcount: 0, locked: 0 });
    expect(holders(w.folios[0])).toEqual(['cache:-1', 'collapse-pin:0', 'isolation:0']);
    expect(w.slots[0]).toEqual({ t: 'folio', folio: 2 });
    expect(events.slice(1, 3)).toEqual([
      { type: 'refcount.frozen', folio: 0, by: 0, from: 3 },
      { type: 'slot.replaced', index: 0, from: 'folio:0', to: 'folio:2' },
    ]);
    expect(violations.map((v) => v.invariant)).toEqual(['uptodate', 'atomic-switch']);
  });

  it('a hole gets the hpage at once and is charged', () => {
    const { world: w, events } = take(K().to(0, 'scan', 1).world, 0);
    expect(slotIds(w)).toEqual([2, 2, 1]);
    expect(w.nrpages).toBe(3);
    expect(events.slice(1, 3)).toEqual([
      { type: 'inode.changed', nrpages: 3, iSize: 3 },
      { type: 'slot.replaced', index: 1, from: 'empty', to: 'folio:2' },
    ]);
  });

  it('store_hpage, copy_one page by page (unfreeze, unlock, free), publish, unlock_hpage', () => {
    const s = K().to(0, 'store_hpage');
    expect(s.world.locks.xa).toBe(0);
    const r1 = take(s.world, 0);
    expect(r1.world.locks.xa).toBeNull();
    expect(r1.world.threads[0]).toMatchObject({ pc: 'copy_one', l: { index: 0 } });
    const r2 = take(r1.world, 0);
    expect(r2.world.folios[0]).toBeUndefined();
    expect(r2.world.folios[2]?.data).toEqual([1, 0, 0]);
    expect(types(r2.events)).toEqual([
      'thread.stepped',
      'hpage.filled',
      'page.flagged',
      'refcount.unfrozen',
      'page.unlocked',
      'refcount.changed',
      'folio.freed',
    ]);
    expect(r2.world.threads[0]?.l.pagelist).toEqual([1]);
    const r3 = take(take(r2.world, 0).world, 0); // the hole, then slot 2
    expect(r3.world.folios[2]).toMatchObject({ data: [1, 0, 3], uptodate: false });
    expect(r3.world.threads[0]?.pc).toBe('publish');
    const r4 = take(r3.world, 0);
    expect(r4.world.folios[2]).toMatchObject({ uptodate: true, dirty: true, lru: true, refcount: 3 });
    expect(holders(r4.world.folios[2])).toEqual(['cache:-1', 'cache:-1', 'cache:-1']);
    const done = take(take(r4.world, 0).world, 0);
    expect(done.world.threads[0]).toMatchObject({ done: true, result: 'SCAN_SUCCEED' });
    expect(done.world.folios[2]?.locked).toBeNull();
  });
});

describe('collapse: the intermediate variants', () => {
  it('v6.3+p1: free_old before the store, then store_hpage_relock under a fresh xa_lock', () => {
    const s = Script.of('v6.3+p1', 'PP', 'collapse', 1).to(0, 'copy_all');
    const r1 = take(s.world, 0);
    expect(r1.world.threads[0]?.pc).toBe('free_old');
    const r2 = take(r1.world, 0);
    expect(Object.keys(r2.world.folios)).toEqual(['2']);
    expect(r2.world.threads[0]?.pc).toBe('store_hpage_relock');
    const r3 = take(r2.world, 0);
    expect(r3.events.slice(1, 3)).toEqual([
      { type: 'lock.acquired', lock: 'xa_lock', by: 0, mode: 'write' },
      { type: 'lock.released', lock: 'xa_lock', by: 0 },
    ]);
    expect(r3.world.threads[0]?.pc).toBe('publish');
  });

  it('v6.3+p3: holes stay empty, get retry entries, store_hpage_locked replaces them; free_old last', () => {
    const s = Script.of('v6.3+p3', 'P.', 'collapse', 1).to(0, 'store_hpage_locked');
    expect(slotIds(s.world)).toEqual([1, 'retry']);
    const r = take(s.world, 0);
    expect(slotIds(r.world)).toEqual([1, 1]);
    expect(r.events.slice(1, 3)).toEqual([
      { type: 'slot.replaced', index: 1, from: 'retry', to: 'folio:1' },
      { type: 'lock.released', lock: 'xa_lock', by: 0 },
    ]);
    const end = Script.of('v6.3+p3', 'P.', 'collapse', 1).to(0, 'free_old');
    expect(end.world.folios[0]?.frozenBy).toBe(0);
    expect(take(end.world, 0).world.threads[0]?.result).toBe('SCAN_SUCCEED');
  });

  it('v5-nak: the frozen old page stays in its slot', () => {
    const { world: w } = take(Script.of('v5-nak', 'PP', 'collapse', 1).to(0, 'freeze').world, 0);
    expect(w.folios[0]).toMatchObject({ frozenBy: 0, refcount: 0 });
    expect(w.slots[0]).toEqual({ t: 'folio', folio: 0 });
  });

  it('v6.4-rc1: the reset cursor re-reads the page it holds: SCAN_PAGE_LOCK', () => {
    const s = Script.of('v6.4-rc1', 'PP', 'collapse', 1).to(0, 'scan', 1);
    expect(s.thread(0).l.staleCursor).toBe(true);
    const r = take(s.world, 0);
    expect(r.world.threads[0]).toMatchObject({ pc: 'rollback', l: { scan: 'SCAN_PAGE_LOCK' } });
  });

  it('a fallocated page: get_folio zeroes it and marks it uptodate', () => {
    const s = Script.of('v6.4', 'FP', 'collapse', 1).to(0, 'get_folio');
    const { world: w } = take(s.world, 0);
    expect(w.folios[0]).toMatchObject({ uptodate: true, fallocUnwritten: false, data: [0], locked: 0 });
    expect(holders(w.folios[0])).toEqual(['cache:-1', 'collapse-pin:0']);
    expect(w.threads[0]?.pc).toBe('drain');
  });
});

describe('collapse: failures and rollback', () => {
  const result = (s: Script) => s.run(0).thread(0).result;

  it('an all-empty range: SCAN_TRUNCATED, the hpage is freed', () => {
    const s = Script.of('v6.4', '....', 'collapse', 1).run(0);
    expect(s.thread(0).result).toBe('SCAN_TRUNCATED');
    expect(s.world.folios).toEqual({});
    expect(s.world.nrpages).toBe(0);
  });

  it('a page in an lru batch: SCAN_DEL_PAGE_LRU, unlocked and unpinned', () => {
    const s = Script.of('v6.4', 'P~P', 'collapse', 1).to(0, 'isolate');
    const { world: w } = take(s.world, 0);
    expect(w.folios[0]).toMatchObject({ locked: null, refcount: 2 });
    expect(holders(w.folios[0])).toEqual(['cache:-1', 'lru-batch:-1']);
    expect(w.threads[0]).toMatchObject({ pc: 'rollback', l: { scan: 'SCAN_DEL_PAGE_LRU', folio: null } });
  });

  it('a pinned page: SCAN_PAGE_COUNT; v6.4 rollback unlocks and puts back the pages it kept', () => {
    const s = Script.of('v6.4', 'PP^', 'collapse', 1).to(0, 'rollback');
    expect(s.thread(0).l.pagelist).toEqual([0]);
    const { world: w, events } = take(s.world, 0);
    expect(w.folios[0]).toMatchObject({ locked: null, lru: false, refcount: 2 });
    expect(holders(w.folios[0])).toEqual(['cache:-1', 'lru-batch:0']);
    expect(w.folios[2]).toBeUndefined();
    expect(slotIds(w)).toEqual([0, 1]);
    expect(w.locks.xa).toBeNull();
    expect(events.at(-1)).toEqual({ type: 'thread.finished', thread: 0, result: 'SCAN_PAGE_COUNT' });
  });

  it('v6.3 rollback unfreezes, restores the slots and empties the holes it filled', () => {
    const s = Script.of('v6.3', 'P.P^', 'collapse', 1).to(0, 'rollback');
    expect(slotIds(s.world)).toEqual([2, 2, 1]);
    const { world: w } = take(s.world, 0);
    expect(slotIds(w)).toEqual([0, 'empty', 1]);
    expect(w.nrpages).toBe(2);
    expect(w.folios[0]).toMatchObject({ frozenBy: null, refcount: 2, locked: null });
  });

  it('a hole filled meanwhile: SCAN_PAGE_FILLED', () => {
    expect(result(Script.of('v6.4', 'P.', 'collapse,write:1', 1).to(0, 'copy_all').run(1))).toBe(
      'SCAN_PAGE_FILLED',
    );
  });

  it('userfaultfd MISSING on the VMA with holes: SCAN_EXCEED_NONE_PTE, the retry entries are removed', () => {
    const s = Script.of('v6.4', 'P.|uffd', 'collapse', 1).to(0, 'revalidate_check');
    const { world: w } = take(s.world, 0);
    expect(w.slots[1]).toEqual({ t: 'empty' });
    expect(w.locks.xa).toBeNull();
    expect(w.threads[0]?.l.scan).toBe('SCAN_EXCEED_NONE_PTE');
  });

  it('a swap entry punched away before get_folio: SCAN_FAIL', () => {
    const s = Script.of('v6.4', 'PS', 'collapse,punch:1', 1).to(0, 'get_folio').run(1);
    expect(s.world.slots[1]).toEqual({ t: 'empty' });
    expect(result(s)).toBe('SCAN_FAIL');
  });

  it('a page locked by someone else: SCAN_PAGE_LOCK (trylock never sleeps)', () => {
    const s = Script.of('v6.4', 'PP', 'collapse,write:0', 1).to(1, 'write');
    expect(result(s)).toBe('SCAN_PAGE_LOCK');
  });
});

describe('collapse: blocked steps', () => {
  it('a second collapse spins on the xa_lock the first holds through its scan', () => {
    const s = Script.of('v6.4', 'PP', 'collapse,collapse', 1).to(0, 'scan').to(1, 'create_range');
    const block = { kind: 'spinlock', lock: 'xa_lock', owner: 0 };
    expect(threadStatus(s.world, s.thread(1))).toEqual({ t: 'blocked', block });
    const r = step(s.world, 1);
    expect(r).toMatchObject({ ok: false, error: { kind: 'thread-blocked', thread: 1, block } });
  });

  it('get_folio sleeps on the lock of a fallocated page a write holds', () => {
    const s = Script.of('v6.4', 'FP', 'collapse,write:0', 1).to(1, 'write').to(0, 'get_folio');
    const block = { kind: 'page-lock', folio: 0, owner: 1 };
    expect(threadStatus(s.world, s.thread(0))).toEqual({ t: 'blocked', block });
    expect(step(s.world, 0)).toMatchObject({ ok: false, error: { kind: 'thread-blocked', block } });
  });

  it('unmap spins on the PTL a mincore walk holds', () => {
    const s = Script.of('v6.4', 'MP', 'collapse,mincore', 1).step(1).to(0, 'unmap');
    expect(threadStatus(s.world, s.thread(0))).toEqual({
      t: 'blocked',
      block: { kind: 'spinlock', lock: 'ptl', owner: 1 },
    });
  });
});
