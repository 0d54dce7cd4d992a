// collapse_file() step by step on v6.4 (POST, spec §2.2): the exact state each step leaves behind.
import { describe, expect, it } from 'vitest';
import { holders, Script, take } from '../testkit.ts';
import type { EngineEvent } from '../types.ts';

/** Takes one step of thread id, which must succeed. */
const types = (ev: readonly EngineEvent[]) => ev.map((e) => e.type);
/** 'MP.S' on v6.4: folio 0 mapped at slot 0, folio 1 at slot 1, a hole, a swap entry; the hpage is folio 2. */
const K = () => Script.of('v6.4', 'MP.S', 'collapse', 1);

describe('collapse (v6.4): allocation and the scan', () => {
  it('alloc: a locked-free, !uptodate huge page with only its allocation reference', () => {
    const { world: w, events, violations } = take(K().world, 0);
    expect(w.folios[2]).toMatchObject({
      huge: true,
      uptodate: false,
      locked: null,
      lru: false,
      mapped: false,
    });
    expect(w.folios[2]).toMatchObject({ refcount: 1, hpageOf: 0, data: [0, 0, 0, 0] });
    expect(holders(w.folios[2])).toEqual(['hpage-alloc:0']);
    expect(w.threads[0]).toMatchObject({ pc: 'init_hpage', result: null, l: { hpage: 2 } });
    expect(events).toEqual([
      {
        type: 'thread.stepped',
        thread: 0,
        step: 'alloc',
        label: 'alloc_charge_hpage',
        src: 'collapse_file:alloc',
      },
      { type: 'folio.allocated', folio: 2, huge: true },
    ]);
    expect(violations).toEqual([]);
  });

  it('init_hpage (patch 2/4 order): locks the hpage and sets its mapping before xa_lock', () => {
    const { world: w, events } = take(K().step(0).world, 0);
    expect(w.folios[2]).toMatchObject({ locked: 0, mapped: true });
    expect(w.locks.xa).toBeNull();
    expect(w.threads[0]?.pc).toBe('create_range');
    expect(events.slice(1)).toEqual([
      { type: 'page.locked', folio: 2, by: 0 },
      { type: 'page.flagged', folio: 2, flag: 'mapping', value: true },
    ]);
  });

  it('create_range: takes xa_lock and keeps it for the scan', () => {
    const { world: w, events } = take(K().step(0, 2).world, 0);
    expect(w.locks.xa).toBe(0);
    expect(w.threads[0]?.pc).toBe('scan');
    expect(events.slice(1)).toEqual([{ type: 'lock.acquired', lock: 'xa_lock', by: 0, mode: 'write' }]);
  });

  it('scan of a present page: trylock, collapse-pin, drop xa_lock', () => {
    const { world: w, events } = take(K().to(0, 'scan').world, 0);
    expect(w.folios[0]).toMatchObject({ locked: 0, refcount: 3 });
    expect(holders(w.folios[0])).toEqual(['cache:-1', 'pte:-1', 'collapse-pin:0']);
    expect(w.locks.xa).toBeNull();
    expect(w.threads[0]).toMatchObject({ pc: 'isolate', l: { folio: 0, index: 0 } });
    expect(events.slice(1)).toEqual([
      { type: 'page.locked', folio: 0, by: 0 },
      { type: 'refcount.changed', folio: 0, holder: 'collapse-pin', thread: 0, delta: 1, refcount: 3 },
      { type: 'lock.released', lock: 'xa_lock', by: 0 },
    ]);
  });

  it('isolate: clears PG_lru and takes the isolation reference; a mapped page goes to unmap', () => {
    const { world: w, events } = take(K().to(0, 'isolate').world, 0);
    expect(w.folios[0]).toMatchObject({ lru: false, refcount: 4, locked: 0 });
    expect(holders(w.folios[0])).toEqual(['cache:-1', 'pte:-1', 'collapse-pin:0', 'isolation:0']);
    expect(w.threads[0]?.pc).toBe('unmap');
    expect(types(events)).toEqual(['thread.stepped', 'page.flagged', 'refcount.changed']);
  });

  it('unmap: clears the PTE under the PTL (mapcount 0, pte reference gone)', () => {
    const { world: w, events } = take(K().to(0, 'unmap').world, 0);
    expect(w.proc.ptes).toEqual([null, null, null, null]);
    expect(w.folios[0]).toMatchObject({ mapcount: 0, refcount: 3 });
    expect(holders(w.folios[0])).toEqual(['cache:-1', 'collapse-pin:0', 'isolation:0']);
    expect(w.locks.ptl).toBeNull();
    expect(w.threads[0]?.pc).toBe('relock');
    expect(events.slice(1)).toEqual([
      { type: 'lock.acquired', lock: 'ptl', by: 0, mode: 'write' },
      { type: 'refcount.changed', folio: 0, holder: 'pte', thread: -1, delta: -1, refcount: 3 },
      { type: 'pte.changed', index: 0, folio: null },
      { type: 'lock.released', lock: 'ptl', by: 0 },
    ]);
  });

  it('relock + freeze: the count is 3, the page joins the pagelist unfrozen and stays in its slot', () => {
    const s = K().to(0, 'relock');
    const r1 = take(s.world, 0);
    expect(r1.world.locks.xa).toBe(0);
    expect(r1.world.threads[0]?.pc).toBe('freeze');
    const { world: w, events } = take(r1.world, 0);
    expect(w.folios[0]).toMatchObject({ frozenBy: null, refcount: 3, locked: 0 });
    expect(w.slots[0]).toEqual({ t: 'folio', folio: 0 });
    expect(w.locks.xa).toBe(0);
    expect(w.threads[0]).toMatchObject({ pc: 'scan', l: { pagelist: [0], index: 1, folio: null } });
    expect(w.threads[0]?.l.expected).toEqual([1, -1, -1, -1]);
    expect(events).toHaveLength(1);
  });

  it('scan of a hole: charges nrpages, counts it, leaves the slot EMPTY (patch 3/4)', () => {
    const { world: w, events } = take(K().to(0, 'scan', 2).world, 0);
    expect(w.slots[2]).toEqual({ t: 'empty' });
    expect(w.nrpages).toBe(3);
    expect(w.threads[0]).toMatchObject({ pc: 'scan', l: { nrNone: 1, index: 3 } });
    expect(w.threads[0]?.l.expected[2]).toBe(0);
    expect(events.slice(1)).toEqual([{ type: 'inode.changed', nrpages: 3, iSize: 4 }]);
  });

  it('scan of a swap entry drops xa_lock; get_folio swaps it in locked, batched; drain gives it PG_lru', () => {
    const s = K().to(0, 'scan', 3);
    const r1 = take(s.world, 0);
    expect(r1.world.locks.xa).toBeNull();
    expect(r1.world.threads[0]?.pc).toBe('get_folio');
    const r2 = take(r1.world, 0);
    const f = r2.world.folios[3];
    expect(f).toMatchObject({ index: 3, data: [4], uptodate: true, locked: 0, lru: false, mapped: true });
    expect(holders(f)).toEqual(['cache:-1', 'collapse-pin:0', 'lru-batch:0']);
    expect(f?.refcount).toBe(3);
    expect(r2.world.slots[3]).toEqual({ t: 'folio', folio: 3 });
    expect(r2.world.nrpages).toBe(4);
    expect(r2.world.lruBatch).toEqual([{ cpu: 0, folio: 3 }]);
    expect(r2.world.threads[0]).toMatchObject({ pc: 'drain', l: { folio: 3 } });
    expect(types(r2.events)).toEqual([
      'thread.stepped',
      'lock.acquired',
      'folio.allocated',
      'page.locked',
      'slot.replaced',
      'inode.changed',
      'lock.released',
      'refcount.changed',
      'lru.batched',
    ]);
    const r3 = take(r2.world, 0);
    expect(r3.world.folios[3]).toMatchObject({ lru: true, refcount: 2 });
    expect(r3.world.lruBatch).toEqual([]);
    expect(r3.events.at(-1)).toEqual({ type: 'lru.drained', cpu: 0, folios: [3] });
    expect(r3.world.threads[0]?.pc).toBe('isolate');
  });
});

describe('collapse (v6.4): copy, re-validate, commit', () => {
  const tail = () => K().to(0, 'scan', 4);

  it('the scan past the end goes to unlock_flush, which drops xa_lock', () => {
    const r1 = take(tail().world, 0);
    expect(r1.world.threads[0]?.pc).toBe('unlock_flush');
    expect(r1.world.locks.xa).toBe(0);
    const r2 = take(r1.world, 0);
    expect(r2.world.locks.xa).toBeNull();
    expect(r2.world.threads[0]?.pc).toBe('copy_all');
  });

  it('copy_all: each sub-page gets the old page or zero; old pages stay in the cache, locked', () => {
    const { world: w, events } = take(tail().to(0, 'copy_all').world, 0);
    expect(w.folios[2]).toMatchObject({
      data: [1, 2, 0, 4],
      valid: [true, true, true, true],
      uptodate: false,
    });
    expect(w.slots.map((e) => (e.t === 'folio' ? e.folio : e.t))).toEqual([0, 1, 'empty', 3]);
    expect([0, 1, 3].map((id) => w.folios[id]?.locked)).toEqual([0, 0, 0]);
    expect(events.slice(1).map((e) => (e.type === 'hpage.filled' ? e.value : null))).toEqual([1, 2, 0, 4]);
    expect(w.threads[0]?.pc).toBe('revalidate_i_mmap');
  });

  it('revalidate: i_mmap read, retry entries in the still-empty holes, then the check passes', () => {
    const s = tail().to(0, 'revalidate_i_mmap');
    const r1 = take(s.world, 0);
    expect(r1.world.locks.iMmap).toEqual({ writer: null, readers: [0] });
    const r2 = take(r1.world, 0);
    expect(r2.world.slots[2]).toEqual({ t: 'retry' });
    expect(r2.world.locks.xa).toBe(0);
    expect(r2.world.threads[0]?.l.nrNoneCheck).toBe(1);
    expect(r2.events.slice(1)).toEqual([
      { type: 'lock.acquired', lock: 'xa_lock', by: 0, mode: 'write' },
      { type: 'slot.replaced', index: 2, from: 'empty', to: 'retry' },
    ]);
    const r3 = take(r2.world, 0);
    expect(r3.world.locks.iMmap.readers).toEqual([]);
    expect(r3.world.locks.xa).toBe(0);
    expect(r3.world.threads[0]?.pc).toBe('commit');
  });

  it('commit: uptodate first, N cache references, then the store over every slot, in one xa_lock section', () => {
    const { world: w, events } = take(tail().to(0, 'commit').world, 0);
    expect(w.slots.every((e) => e.t === 'folio' && e.folio === 2)).toBe(true);
    expect(w.folios[2]).toMatchObject({ uptodate: true, dirty: true, lru: true, refcount: 4, locked: 0 });
    expect(holders(w.folios[2])).toEqual(['cache:-1', 'cache:-1', 'cache:-1', 'cache:-1']);
    expect(w.locks.xa).toBeNull();
    const kinds = types(events);
    expect(kinds.indexOf('page.flagged')).toBeLessThan(kinds.indexOf('slot.replaced'));
    expect(events.filter((e) => e.type === 'slot.replaced')).toEqual([
      { type: 'slot.replaced', index: 0, from: 'folio:0', to: 'folio:2' },
      { type: 'slot.replaced', index: 1, from: 'folio:1', to: 'folio:2' },
      { type: 'slot.replaced', index: 2, from: 'retry', to: 'folio:2' },
      { type: 'slot.replaced', index: 3, from: 'folio:3', to: 'folio:2' },
    ]);
    expect(events.at(-1)).toEqual({ type: 'lock.released', lock: 'xa_lock', by: 0 });
    expect(w.threads[0]?.pc).toBe('retract');
  });

  it('retract removes the empty page table; unlock_hpage; free_old frees every old page', () => {
    const r1 = take(tail().to(0, 'retract').world, 0);
    expect(r1.world.proc.pmd).toBe('none');
    expect(r1.events.slice(1)).toEqual([{ type: 'pmd.changed', pmd: 'none' }]);
    const r2 = take(r1.world, 0);
    expect(r2.world.folios[2]?.locked).toBeNull();
    expect(r2.events.slice(1)).toEqual([{ type: 'page.unlocked', folio: 2, by: 0 }]);
    expect(r2.world.threads[0]?.pc).toBe('free_old');
    const r3 = take(r2.world, 0);
    expect(Object.keys(r3.world.folios)).toEqual(['2']);
    expect(r3.events.filter((e) => e.type === 'folio.freed')).toHaveLength(3);
    expect(r3.events.at(-1)).toEqual({ type: 'thread.finished', thread: 0, result: 'SCAN_SUCCEED' });
    expect(r3.world.threads[0]).toMatchObject({ done: true, pc: 'done', result: 'SCAN_SUCCEED' });
    expect(r3.world.threads[0]?.l.pagelist).toEqual([]);
    expect(r3.world.nrpages).toBe(4);
    expect(r3.violations).toEqual([]);
  });

  it('retract keeps the page table while a fault holds mmap_lock', () => {
    const s = Script.of('v6.4', 'PPPP', 'collapse,fault:1', 1).step(1).to(0, 'retract');
    expect(s.world.locks.mmap.readers).toEqual([1]);
    const r = take(s.world, 0);
    expect(r.world.proc.pmd).toBe('table');
    expect(types(r.events)).toEqual(['thread.stepped']);
    expect(r.world.threads[0]?.pc).toBe('unlock_hpage');
  });

  it('no holes: copy_all goes straight to relock_final, which takes xa_lock', () => {
    const s = Script.of('v6.4', 'PPPP', 'collapse', 1).to(0, 'copy_all');
    const r1 = take(s.world, 0);
    expect(r1.world.threads[0]?.pc).toBe('relock_final');
    const r2 = take(r1.world, 0);
    expect(r2.world.locks.xa).toBe(0);
    expect(r2.world.threads[0]?.pc).toBe('commit');
  });
});
