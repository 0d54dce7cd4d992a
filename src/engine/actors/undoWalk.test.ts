// Each step of punch's and truncate's walks over the tree (undoWalk.ts: find_lock_entries' `fl_*` steps
// and fl_entry, find_get_entries' fg_start, `fg_*` steps and fg_entry) on each entry kind it can meet,
// from worlds reached by a schedule or with the walker placed by hand, then one step.
import { describe, expect, it } from 'vitest';
import { holders, kinds, Script, take } from '../testkit.ts';
import { threadStatus } from '../status.ts';
import type { Folio, Locals, Thread, World } from '../types.ts';
import { freshLoad, headNode } from '../xarray/tree.ts';
import { FOLIO_BATCH_SIZE, XAS_RESTART } from '../xarray/types.ts';
import type { UndoBatch } from '../xarray/types.ts';
import { ACTORS } from './index.ts';
import { undoWalkListing } from './undoWalk.ts';

const fail = (why: string): never => {
  throw new Error(why);
};
const th = (w: World, id = 0): Thread => w.threads[id] ?? fail(`no T${id}`);
const batch = (w: World, id = 0): UndoBatch => th(w, id).l.undo ?? fail(`T${id} has no batch`);
const folioAt = (w: World, i: number): Folio => {
  const e = w.slots[i];
  return e?.t === 'folio' ? (w.folios[e.folio] ?? fail(`no folio ${e.folio}`)) : fail(`slot ${i}: ${e?.t}`);
};
const headId = (w: World) => headNode(w.xa ?? fail('no tree'))?.id ?? fail('no head node');
/** What a fresh lookup finds in the tree at i (the tree, not the flat view). */
const treeAt = (w: World, i: number) => freshLoad(w.xa ?? fail('no tree'), i).entry;
const stepped = (w: World, id = 0): World => take(w, id).world;
/** A folio's holders other than the page cache's (a huge folio holds one cache reference per page). */
const extra = (f: Folio) => holders(f)?.filter((h) => h !== 'cache:-1');

/** Steps thread id until its next step is pc (and pred holds); fails if it blocks or ends first. */
function reach(s: Script, id: number, pc: string, pred: (t: Thread) => boolean = () => true): Script {
  s.until(id, (t) => t.pc === pc && pred(t));
  if (s.thread(id).pc !== pc || !pred(s.thread(id))) fail(`T${id} stopped at ${s.thread(id).pc}`);
  return s;
}

/** w with thread id's pc and some locals replaced: the walker placed by hand. */
function placed(w: World, id: number, pc: string, l: Partial<Locals>): World {
  const t = th(w, id);
  return { ...w, threads: w.threads.map((x) => (x.id === id ? { ...t, pc, l: { ...t.l, ...l } } : x)) };
}
/** w with one folio's fields replaced (what another thread did meanwhile). */
function withFolio(w: World, id: number, f: Partial<Folio>): World {
  const old = w.folios[id] ?? fail(`no folio ${id}`);
  return { ...w, folios: { ...w.folios, [id]: { ...old, ...f } } };
}

/**
 * A script whose thread id (punch or truncate) has taken the inode lock and unmapped, then starts pass 2
 * at once, as fg_start leaves it (pass 1 and the edge pages skipped, so pass 2 meets every entry).
 */
function pass2(kernel: string, slots: string, threads: string, id = 0): Script {
  return pass2From(Script.of(kernel, slots, threads, 1), id);
}
function pass2From(from: Script, id = 0): Script {
  const s = reach(from, id, 'fl_xas_load');
  const start = s.thread(id).l.start;
  const w = placed(s.world, id, 'fg_xas_load', { pass: 2, undo: { start, cursor: start, entries: [] } });
  return new Script(w);
}

describe('pass 1: find_lock_entries takes what it can lock', () => {
  it('a small folio inside the range is locked into the batch with its reference; the cursor moves to base + 1', () => {
    const s = reach(Script.of('v6.12', 'PPPP|xa=4', 'truncate:1', 1), 0, 'fl_xas_reload');
    const w = stepped(s.world);
    expect(batch(w)).toEqual({ start: 1, cursor: 2, entries: [{ index: 1, folio: 1, value: 0 }] });
    expect(folioAt(w, 1)).toMatchObject({ locked: 0, refcount: 2 });
    expect(holders(folioAt(w, 1))).toEqual(['cache:-1', 'lookup:0']);
    expect(th(w).l.folio).toBeNull(); // the reference now belongs to the batch
    expect(th(w).pc).toBe('fl_xas_next'); // the walk goes on in the leaf
    expect(th(w).l.xas).toMatchObject({ node: headId(w), offset: 2 });
    expect(th(w).l.index).toBe(2);
  });

  it('a huge folio wholly inside is taken whole: the cursor moves to base + nr, the walk reads the sibling next', () => {
    const s = reach(Script.of('v6.12', 'HHHHHHHH|xa=4', 'truncate:0', 1), 0, 'fl_xas_reload');
    const w = stepped(s.world);
    expect(batch(w)).toEqual({ start: 0, cursor: 8, entries: [{ index: 0, folio: 0, value: 0 }] });
    expect(folioAt(w, 0).locked).toBe(0);
    expect(th(w)).toMatchObject({ pc: 'fl_xas_next', l: { index: 4, xas: { offset: 1 } } });
    const after = stepped(w); // the sibling is skipped, the walk runs past the range: the batch is done
    expect(th(after).pc).toBe('fl_entry');
    expect(batch(after).entries).toHaveLength(1);
  });

  it('a folio that starts before the cursor is omitted: its reference dropped, not locked', () => {
    const s = reach(Script.of('v6.12', 'HHHHHHHH|xa=4', 'truncate:2', 1), 0, 'fl_xas_reload');
    expect(extra(folioAt(s.world, 0))).toEqual(['lookup:0']);
    const w = stepped(s.world);
    expect(extra(folioAt(w, 0))).toEqual([]);
    expect(folioAt(w, 0)).toMatchObject({ locked: null, refcount: 8 });
    expect(batch(w)).toEqual({ start: 2, cursor: 2, entries: [] });
    expect(th(w)).toMatchObject({ pc: 'fl_xas_next', l: { index: 4, folio: null, xas: { offset: 1 } } });
  });

  it('a folio that ends beyond the range is omitted, and the empty batch ends pass 1', () => {
    const s = reach(Script.of('v6.12', 'HHHHHHHH|xa=4', 'punch:0', 1), 0, 'fl_xas_reload');
    const w = stepped(s.world);
    expect(extra(folioAt(w, 0))).toEqual([]);
    expect(folioAt(w, 0)).toMatchObject({ locked: null, refcount: 8 });
    expect(th(w).pc).toBe('partial_first');
    expect(th(w).l.undo).toBeUndefined();
  });

  it('a folio another thread holds locked is omitted (folio_trylock fails): the lock stays, the reference goes', () => {
    const s = reach(Script.of('v6.12', 'PPPP|xa=4', 'collapse,punch:1', 1), 1, 'fl_xas_reload');
    s.until(0, (_t, w) => w.folios[1]?.locked === 0);
    expect(folioAt(s.world, 1).locked).toBe(0);
    const w = stepped(s.world, 1);
    expect(folioAt(w, 1).locked).toBe(0);
    expect(holders(folioAt(w, 1))).not.toContain('lookup:1');
    expect(th(w, 1).pc).toBe('partial_first'); // nothing taken: the batch came back empty
    expect(th(w, 1).l.undo).toBeUndefined();
  });

  it('a folio that left the file is locked, found unmapped, unlocked and omitted', () => {
    const s = reach(Script.of('v6.12', 'PPPP|xa=4', 'punch:1', 1), 0, 'fl_xas_reload');
    const r = take(withFolio(s.world, 1, { mapped: false }), 0);
    expect(kinds(r).filter((k) => k.startsWith('page.'))).toEqual(['page.locked', 'page.unlocked']);
    expect(r.world.folios[1]).toMatchObject({ locked: null, holders: [{ kind: 'cache', thread: -1 }] });
    expect(th(r.world).pc).toBe('partial_first');
  });

  it('a swap (value) entry is taken without a reference; the cursor moves to its index + 1', () => {
    const s = reach(Script.of('v6.12', 'PSPP|xa=4', 'punch:1', 1), 0, 'fl_xas_load');
    const w = stepped(s.world);
    expect(batch(w)).toEqual({ start: 1, cursor: 2, entries: [{ index: 1, folio: -1, value: 2 }] });
    expect(th(w).pc).toBe('fl_entry'); // index 2 is past the punched page: the lookup is over
    expect(th(w).l.xas).toBeUndefined();
  });

  it('a full batch (FOLIO_BATCH_SIZE) ends the lookup; the next folio is not touched', () => {
    const slots = `${'P'.repeat(32)}|xa=4`;
    const full = FOLIO_BATCH_SIZE - 1;
    const s = reach(
      Script.of('v6.12', slots, 'truncate:0', 1),
      0,
      'fl_xas_reload',
      (t) => t.l.index === full,
    );
    expect(batch(s.world).entries).toHaveLength(full);
    const w = stepped(s.world);
    expect(batch(w).entries).toHaveLength(FOLIO_BATCH_SIZE);
    expect(batch(w).cursor).toBe(FOLIO_BATCH_SIZE);
    expect(th(w).pc).toBe('fl_entry');
    expect(th(w).l.xas).toBeUndefined();
    expect(folioAt(w, FOLIO_BATCH_SIZE)).toMatchObject({ locked: null, refcount: 1 });
    const next = stepped(w); // one entry handled: the batch goes on
    expect(th(next).pc).toBe('fl_entry');
    expect(batch(next).entries[0]?.index).toBe(1);
  });

  it('an empty batch ends pass 1: the edge pages come next, from start', () => {
    const s = reach(Script.of('v6.12', 'PP..|xa=4', 'punch:2', 1), 0, 'fl_xas_load');
    const w = stepped(s.world);
    expect(th(w)).toMatchObject({ pc: 'partial_first', l: { index: 2 } });
    expect(th(w).l.undo).toBeUndefined();
    expect(th(w).l.xas).toBeUndefined();
  });
});

describe("the walk's own steps inside the undo passes", () => {
  it('the climb from a full leaf goes on in pass 1 with the batch as it was', () => {
    const s = reach(Script.of('v6.12', 'PPPPPPPP|xa=4', 'truncate:1', 1), 0, 'fl_xas_climb');
    const before = batch(s.world);
    const w = stepped(s.world);
    expect(th(w)).toMatchObject({ pc: 'fl_xas_next', l: { index: 4, xas: { node: headId(w), offset: 1 } } });
    expect(batch(w)).toEqual(before);
    expect(before.entries.map((e) => e.index)).toEqual([1, 2, 3]);
  });

  // After a climb from a freed leaf (walk.ts), the walk stands on the sibling of a huge folio it never
  // returned: v6.12 skips it, the fix goes back to the folio (xarray.md section 4).
  const atSibling = (kernel: string, pc: string) => {
    const s = reach(Script.of(kernel, 'HHHHHHHH|xa=4', 'truncate:2', 1), 0, 'fl_xas_load');
    const xas = { node: headId(s.world), offset: 1, cand: -1, returned: -1 };
    const l = { index: 4, xas, pass: pc.startsWith('fg_') ? 2 : 0 };
    return placed(s.world, 0, pc, l);
  };

  it('pass 2 on v6.12 skips the sibling: the batch is empty at start and truncate ends, the huge page kept whole', () => {
    const w = stepped(atSibling('v6.12', 'fg_xas_next'));
    expect(th(w).pc).toBe('finish');
    expect(folioAt(w, 7)).toMatchObject({ id: 0, data: [1, 2, 3, 4, 5, 6, 7, 8] });
  });

  it('pass 2 on v6.12+xas-fix goes back to the huge folio at its canonical slot, and truncates it', () => {
    const w = stepped(atSibling('v6.12+xas-fix', 'fg_xas_next'));
    expect(th(w)).toMatchObject({ pc: 'fg_try_get', l: { index: 0, xas: { offset: 0, cand: 0 } } });
    const s = reach(new Script(w), 0, 'fg_entry');
    expect(batch(s.world)).toEqual({ start: 2, cursor: 8, entries: [{ index: 0, folio: 0, value: 0 }] });
    expect(folioAt(stepped(s.world), 0).data).toEqual([1, 2, 0, 0, 0, 0, 0, 0]);
  });

  it('pass 1 on either kernel takes nothing there (the huge folio starts before the cursor)', () => {
    expect(th(stepped(atSibling('v6.12', 'fl_xas_next'))).pc).toBe('partial_first');
    const fixed = reach(new Script(atSibling('v6.12+xas-fix', 'fl_xas_next')), 0, 'partial_first');
    expect(fixed.schedule).toHaveLength(4); // back to the folio, try_get, reload (omitted), the sibling skipped
    expect(extra(folioAt(fixed.world, 0))).toEqual([]);
  });
});

describe('pass 1: fl_entry handles one batch entry', () => {
  it('frees a swap entry under xa_lock; a punch at its end goes to the edge pages', () => {
    const s = reach(Script.of('v6.12', 'PSPP|xa=4', 'punch:1', 1), 0, 'fl_entry');
    const r = take(s.world, 0);
    expect(r.world.slots[1]).toEqual({ t: 'empty' });
    expect(treeAt(r.world, 1)).toBeNull();
    expect(r.world.locks.xa).toBeNull();
    expect(kinds(r).slice(1)).toEqual(['lock.acquired', 'slot.replaced', 'lock.released']);
    expect(th(r.world).pc).toBe('partial_first');
    expect(th(r.world).l.undo).toBeUndefined();
  });

  it('removes the folio under xa_lock, unlocks it and drops the batch reference', () => {
    const s = reach(Script.of('v6.12', 'PP^PP|xa=4', 'punch:1', 1), 0, 'fl_entry');
    expect(holders(folioAt(s.world, 1))).toEqual(['cache:-1', 'pin:-1', 'lookup:0']);
    const r = take(s.world, 0);
    expect(r.world.slots[1]).toEqual({ t: 'empty' });
    expect(treeAt(r.world, 1)).toBeNull();
    expect(r.world.folios[1]).toMatchObject({ mapped: false, locked: null });
    expect(holders(r.world.folios[1])).toEqual(['pin:-1']);
    expect(r.world.locks.xa).toBeNull();
    expect(kinds(r)).toContain('page.unlocked');
  });

  it('after the last entry truncate always looks again from the cursor, even at the end of the file', () => {
    const s = reach(Script.of('v6.12', 'HHHHHHHH|xa=4', 'truncate:0', 1), 0, 'fl_entry');
    const w = stepped(s.world);
    expect(w.slots.every((e) => e.t === 'empty')).toBe(true);
    expect(th(w)).toMatchObject({ pc: 'fl_xas_load', l: { index: 8, xas: { node: XAS_RESTART } } });
    expect(batch(w)).toEqual({ start: 0, cursor: 8, entries: [] });
    const ended = stepped(w); // past the range: the batch comes back empty, pass 1 is over
    expect(th(ended)).toMatchObject({ pc: 'partial_first', l: { index: 0 } });
  });

  it('after a full batch the next lookup starts at the cursor', () => {
    const slots = `${'P'.repeat(32)}|xa=4`;
    const s = reach(Script.of('v6.12', slots, 'truncate:0', 1), 0, 'fl_entry');
    s.until(0, (t) => t.l.undo?.entries.length === 1);
    const w = stepped(s.world);
    expect(th(w)).toMatchObject({ pc: 'fl_xas_load', l: { index: FOLIO_BATCH_SIZE } });
    expect(batch(w)).toEqual({ start: 0, cursor: FOLIO_BATCH_SIZE, entries: [] });
    expect(w.slots.filter((e) => e.t === 'folio')).toHaveLength(32 - FOLIO_BATCH_SIZE);
  });
});

describe('pass 2: find_get_entries takes everything', () => {
  it('fg_start sets pass 2 and an empty batch at start, and starts the walk there', () => {
    const s = reach(Script.of('v6.12', 'PPPP|xa=4', 'punch:1', 1), 0, 'fg_start');
    const w = stepped(s.world);
    expect(th(w).l.pass).toBe(2);
    expect(batch(w)).toEqual({ start: 1, cursor: 1, entries: [] });
    expect(th(w)).toMatchObject({ pc: 'fg_xas_load', l: { index: 1, xas: { node: XAS_RESTART } } });
  });

  it('fg_start past a large folio the edge step cut out: nothing left, finish', () => {
    const s = reach(Script.of('v6.12', 'HHHHHHHH|xa=4', 'punch:1', 1), 0, 'fg_start');
    expect(th(s.world).l).toMatchObject({ skipFrom: 0, skipTo: 8 });
    const w = stepped(s.world);
    expect(th(w).pc).toBe('finish');
    expect(th(w).l.undo).toBeUndefined();
  });

  it('a folio is added with its reference but not locked; the cursor waits for the end of the batch', () => {
    const s = reach(pass2('v6.12', 'PPPP|xa=4', 'truncate:1'), 0, 'fg_xas_reload');
    const w = stepped(s.world);
    expect(batch(w)).toEqual({ start: 1, cursor: 1, entries: [{ index: 1, folio: 1, value: 0 }] });
    expect(folioAt(w, 1).locked).toBeNull();
    expect(holders(folioAt(w, 1))).toEqual(['cache:-1', 'lookup:0']);
    expect(th(w).pc).toBe('fg_xas_next');
  });

  it('the end of a batch of small entries: cursor = last index + 1, fg_entry next', () => {
    const s = reach(pass2('v6.12', 'PPPP|xa=4', 'truncate:1'), 0, 'fg_xas_reload', (t) => t.l.index === 3);
    const w = stepped(s.world);
    expect(batch(w).entries.map((e) => e.index)).toEqual([1, 2, 3]);
    expect(batch(w).cursor).toBe(4);
    expect(th(w).pc).toBe('fg_entry');
  });

  it('the end of a batch ending in a huge folio: cursor = round_down(index + nr, nr), not index + nr', () => {
    const s = reach(pass2('v6.12', 'HHHHHHHH|xa=4', 'truncate:2'), 0, 'fg_xas_next');
    expect(batch(s.world).entries).toEqual([{ index: 2, folio: 0, value: 0 }]);
    expect(th(s.world).l.xas).toMatchObject({ offset: 1 }); // at the sibling
    const w = stepped(s.world);
    expect(batch(w).cursor).toBe(8);
    expect(th(w).pc).toBe('fg_entry');
  });

  it('a swap entry still there is freed; a punch then finishes', () => {
    const s = pass2('v6.12', 'PSPP|xa=4', 'punch:1');
    const w = stepped(s.world);
    expect(batch(w)).toEqual({ start: 1, cursor: 2, entries: [{ index: 1, folio: -1, value: 2 }] });
    expect(th(w).pc).toBe('fg_entry');
    const r = take(w, 0);
    expect(r.world.slots[1]).toEqual({ t: 'empty' });
    expect(treeAt(r.world, 1)).toBeNull();
    expect(kinds(r).slice(1)).toEqual(['lock.acquired', 'slot.replaced', 'lock.released']);
    expect(th(r.world).pc).toBe('finish');
    expect(th(r.world).l.undo).toBeUndefined();
  });

  it('a swap entry replaced meanwhile breaks: the rest of the batch released, the lookup retries at its index', () => {
    // The fault passes its i_size check before the truncate starts, then swaps index 1 back in.
    const faulting = reach(Script.of('v6.12', 'PSPP|xa=4', 'truncate:1,fault:1', 1), 1, 'swapin');
    const s = reach(pass2From(faulting), 0, 'fg_entry');
    expect(batch(s.world).entries.map((e) => e.index)).toEqual([1, 2, 3]);
    s.step(1);
    const swapped = folioAt(s.world, 1);
    const w = stepped(s.world);
    expect(w.slots[1]).toEqual({ t: 'folio', folio: swapped.id }); // not freed
    expect(holders(folioAt(w, 2))).toEqual(['cache:-1']);
    expect(holders(folioAt(w, 3))).toEqual(['cache:-1']);
    expect(batch(w)).toEqual({ start: 1, cursor: 1, entries: [] });
    expect(th(w)).toMatchObject({ pc: 'fg_xas_load', l: { index: 1, xas: { node: XAS_RESTART } } });
  });

  it('a folio that left the file is unlocked, released with the rest of the batch, and the lookup restarts at its index', () => {
    const s = reach(pass2('v6.12', 'PPPP|xa=4', 'truncate:1'), 0, 'fg_entry');
    const r = take(withFolio(s.world, 1, { mapped: false }), 0);
    expect(kinds(r).filter((k) => k.startsWith('page.'))).toEqual(['page.locked', 'page.unlocked']);
    for (const i of [1, 2, 3]) expect(holders(r.world.folios[i])).toEqual(['cache:-1']);
    expect(r.world.folios[1]?.locked).toBeNull();
    expect(r.world.slots[1]).toEqual({ t: 'folio', folio: 1 }); // not removed
    expect(batch(r.world)).toEqual({ start: 1, cursor: 1, entries: [] });
    expect(th(r.world)).toMatchObject({ pc: 'fg_xas_load', l: { index: 1 } });
  });

  it('a small folio is locked and removed; the batch goes on', () => {
    const s = reach(pass2('v6.12', 'PPPP|xa=4', 'truncate:1'), 0, 'fg_entry');
    const w = stepped(s.world);
    expect(w.slots[1]).toEqual({ t: 'empty' });
    expect(treeAt(w, 1)).toBeNull();
    expect(w.folios[1]).toBeUndefined(); // the batch held the last reference
    expect(batch(w).entries.map((e) => e.index)).toEqual([2, 3]);
    expect(th(w).pc).toBe('fg_entry');
  });

  it('v6.12: a huge folio partly covered has its covered part zeroed and stays; start moves past it', () => {
    const s = reach(pass2('v6.12', 'HHHHHHHH|xa=4', 'truncate:2'), 0, 'fg_entry');
    const w = stepped(s.world);
    expect(folioAt(w, 0)).toMatchObject({ data: [1, 2, 0, 0, 0, 0, 0, 0], locked: null, mapped: true });
    expect(extra(folioAt(w, 0))).toEqual([]);
    expect(w.slots.every((e) => e.t === 'folio' && e.folio === 0)).toBe(true);
    expect(treeAt(w, 5)).toEqual({ k: 'folio', folio: 0 });
    expect(th(w).l).toMatchObject({ skipFrom: 0, skipTo: 8 });
    expect(batch(w)).toEqual({ start: 8, cursor: 8, entries: [] });
    expect(th(w)).toMatchObject({ pc: 'fg_xas_load', l: { index: 8 } });
  });

  it('v6.4 (no split in shmem_undo_range): the partly covered huge folio is removed whole', () => {
    const s = reach(pass2('v6.4', 'HHHHHHHH|xa=4', 'truncate:2'), 0, 'fg_entry');
    const w = stepped(s.world);
    expect(w.slots.every((e) => e.t === 'empty')).toBe(true);
    expect(treeAt(w, 0)).toBeNull();
    expect(w.folios[0]).toBeUndefined();
    expect(batch(w)).toEqual({ start: 2, cursor: 8, entries: [] });
  });

  it('v6.12: a huge folio wholly covered is removed whole', () => {
    const s = reach(pass2('v6.12', 'HHHHHHHH|xa=4', 'truncate:0'), 0, 'fg_entry');
    const w = stepped(s.world);
    expect(w.slots.every((e) => e.t === 'empty')).toBe(true);
    expect(w.folios[0]).toBeUndefined();
  });

  it('truncate restarts from start after a batch, until one comes back empty at start', () => {
    const s = reach(pass2('v6.12', 'PPPP|xa=4', 'truncate:1'), 0, 'fg_xas_load', (t) => t.l.index === 4);
    expect(batch(s.world)).toEqual({ start: 1, cursor: 4, entries: [] });
    const w = stepped(s.world); // empty, but not at start: look again from start
    expect(th(w)).toMatchObject({ pc: 'fg_xas_load', l: { index: 1, pass: 3 } });
    expect(batch(w)).toEqual({ start: 1, cursor: 1, entries: [] });
    const last = reach(new Script(w), 0, 'fg_xas_next', (t) => t.l.index === 3);
    const done = stepped(last.world); // the walk runs past the range with nothing: empty at start
    expect(th(done).pc).toBe('finish');
    expect(th(done).l.undo).toBeUndefined();
    expect(th(done).l.xas).toBeUndefined();
    expect(done.slots.map((e) => e.t)).toEqual(['folio', 'empty', 'empty', 'empty']);
  });

  it('a punch finishes after its batch, without looking again', () => {
    const s = reach(pass2('v6.12', 'PPPP|xa=4', 'punch:1'), 0, 'fg_entry');
    const w = stepped(s.world);
    expect(w.slots[1]).toEqual({ t: 'empty' });
    expect(th(w).pc).toBe('finish');
  });
});

describe("pass 2's guard: fg_entry sleeps on the page lock and spins on xa_lock", () => {
  it('blocks on a page lock another thread holds', () => {
    const s = reach(pass2('v6.12', 'PPPP|xa=4', 'truncate:1,collapse'), 0, 'fg_entry');
    s.until(1, (_t, w) => w.folios[1]?.locked === 1);
    expect(threadStatus(s.world, s.thread(0))).toMatchObject({
      t: 'blocked',
      block: { kind: 'page-lock', folio: 1, owner: 1 },
    });
  });

  it('blocks on xa_lock for a folio still in the file; one that left it needs no xa_lock', () => {
    const s = reach(pass2('v6.12', 'PPPP|xa=4', 'truncate:1,collapse'), 0, 'fg_entry');
    s.until(1, (_t, w) => w.locks.xa === 1);
    expect(folioAt(s.world, 1).locked).toBeNull();
    expect(threadStatus(s.world, s.thread(0))).toMatchObject({
      t: 'blocked',
      block: { kind: 'spinlock', lock: 'xa_lock', owner: 1 },
    });
    const left = withFolio(s.world, 1, { mapped: false });
    expect(threadStatus(left, th(left)).t).toBe('runnable');
  });
  it('blocks on xa_lock for a swap entry at the head of the batch', () => {
    const s = reach(pass2('v6.12', 'PSPP|xa=4', 'truncate:1,collapse'), 0, 'fg_entry');
    expect(batch(s.world).entries[0]).toEqual({ index: 1, folio: -1, value: 2 });
    s.until(1, (_t, w) => w.locks.xa === 1);
    expect(threadStatus(s.world, s.thread(0))).toMatchObject({
      t: 'blocked',
      block: { kind: 'spinlock', lock: 'xa_lock', owner: 1 },
    });
  });
});

describe('undoWalkListing', () => {
  const FL = ['fl_xas_load', 'fl_xas_next', 'fl_xas_climb', 'fl_try_get', 'fl_xas_reload', 'fl_entry'];
  const FG = ['fg_xas_load', 'fg_xas_next', 'fg_xas_climb', 'fg_try_get', 'fg_xas_reload', 'fg_entry'];

  it('replaces pass1 and the p2_* steps with the walk steps, in order', () => {
    expect(undoWalkListing(['a', 'pass1', 'b', 'p2_start', 'p2_get', 'p2_lock', 'c'])).toEqual([
      'a',
      ...FL,
      'b',
      'fg_start',
      ...FG,
      'c',
    ]);
  });

  it('is what a |xa punch and truncate list; without |xa they keep the flat steps', () => {
    for (const actor of [ACTORS.punch, ACTORS.truncate]) {
      const xa = actor.listing(undefined as never, true);
      expect(xa).toEqual([
        'inode_lock',
        'unmap',
        ...FL,
        'partial_first',
        'partial_last',
        'fg_start',
        ...FG,
        'finish',
      ]);
      for (const id of xa) expect(actor.steps[id], id).toBeDefined();
      expect(actor.listing(undefined as never, false)).toContain('pass1');
    }
  });
});
