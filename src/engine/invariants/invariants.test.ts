// Each invariant of spec §5 fires where it must and stays quiet where it must. Races the actors can
// produce are run through Script; the rest corrupt a cloned world and call checkInvariants directly.
import { describe, expect, it } from 'vitest';
import { Script } from '../testkit.ts';
import type { Folio, InvariantId, Violation, World, Writable } from '../types.ts';
import { threadStatuses } from '../status.ts';
import { checkInvariants } from './checks.ts';

const only = (vs: readonly Violation[], id: InvariantId) => vs.filter((v) => v.invariant === id);
const ids = (vs: readonly Violation[]) => vs.map((v) => v.invariant);

/** The first violation of id, which must exist, checked to sit at a step thread `tid` took. */
function first(s: Script, id: InvariantId, tid: number): Violation {
  const v = only(s.violations, id)[0];
  if (!v) throw new Error(`no ${id} violation`);
  expect(s.schedule[v.step]).toBe(tid);
  return v;
}

/** Runs checkInvariants on a mutated copy of a world, as if thread tid had just taken step 41. */
/** A writable deep copy of prev (worlds are readonly), changed by mutate, then checked as the step after prev. */
function corrupt(prev: World, tid: number, mutate: (w: Writable<World>) => void): Violation[] {
  const next = structuredClone(prev) as Writable<World>;
  mutate(next);
  return checkInvariants({ prev, next, tid, stepId: 'test', step: 41, statuses: threadStatuses(next) });
}

describe('invariants reached by racing actors', () => {
  it('seek (I1): v6.3 SEEK_DATA during the scan returns ENXIO; v6.4 does not fire', () => {
    const s = Script.of('v6.3', 'PPPP', 'collapse,seek_data:0', 1).to(0, 'scan', 1).run(1);
    const v = first(s, 'seek', 1);
    expect(v.step).toBe(s.schedule.length - 1);
    expect(v).toMatchObject({ threads: [1], slots: [0, 1, 2, 3] });
    expect(v.message).toBe(
      'SEEK_DATA(0) returned ENXIO, skipping slot 0, 1, 2, 3 that held data for the whole call',
    );
    const ok = Script.of('v6.4', 'PPPP', 'collapse,seek_data:0', 1).to(0, 'scan', 1).run(1);
    expect(ids(ok.violations)).not.toContain('seek');
  });

  it('seek (I1): SEEK_HOLE reporting a hole at a data slot', () => {
    const s = Script.of('v6.3', 'PPPP', 'collapse,seek_hole:0', 1).to(0, 'scan', 1).run(1);
    expect(first(s, 'seek', 1)).toMatchObject({ threads: [1], slots: [0] });
    expect(first(s, 'seek', 1).message).toMatch(/SEEK_HOLE\(0\) returned 0, but slot 0 held data/);
  });

  it('mincore (I2): v6.3 reports an unmapped page under collapse as not resident; v6.4 does not fire', () => {
    const s = Script.of('v6.3', 'MPPP', 'collapse,mincore', 1).to(0, 'scan', 1).run(1);
    const v = first(s, 'mincore', 1);
    expect(v).toMatchObject({ threads: [1], slots: [0], step: s.schedule.length - 1 });
    expect(v.message).toMatch(/^mincore reported slot 0 not resident/);
    const ok = Script.of('v6.4', 'MPPP', 'collapse,mincore', 1).to(0, 'scan', 1).run(1);
    expect(ids(ok.violations)).not.toContain('mincore');
  });

  it('data (I3): pass 2 removes the whole huge page before v6.7; v6.7 keeps the rest', () => {
    const r = Script.of('v6.4', '...P', 'collapse,punch:2', 1).to(1, 'p2_get').run(0).finish();
    const v = only(r.violations, 'data')[0];
    expect(v).toMatchObject({ slots: [3], step: r.steps.length - 1 });
    expect(v?.threads).toEqual([r.steps.at(-1)?.thread]);
    expect(v?.message).toBe('slot 3 reads 0 but should read 4');
    const ok = Script.of('v6.7', '...P', 'collapse,punch:2', 1).to(1, 'p2_get').run(0).finish();
    expect(ids(ok.violations)).not.toContain('data');
  });

  it('progress (I4): v5 deadlock between the PTL and a frozen page; v6.4 does not fire', () => {
    const s = Script.of('v5-nak', 'PMPP', 'collapse,mincore', 1).to(0, 'scan', 1).run(1).run(0);
    const v = first(s, 'progress', 0);
    expect(v.step).toBe(s.schedule.length - 1);
    expect([...v.threads].sort()).toEqual([0, 1]);
    expect(v.slots).toEqual([]);
    expect(v.message).toMatch(/^deadlock: /);
    expect(v.message).toMatch(/frozen by T0/);
    const ok = Script.of('v6.4', 'PMPP', 'collapse,mincore', 1).to(0, 'scan', 1).run(1).run(0);
    expect(ids(ok.finish().violations)).not.toContain('progress');
  });

  it('uptodate (I7) and atomic-switch (I8): v6.3 stores the !uptodate hpage at the first freeze', () => {
    const s = Script.of('v6.3', 'PP', 'collapse', 1).to(0, 'freeze').step(0);
    const at = s.schedule.length - 1;
    expect(first(s, 'uptodate', 0)).toEqual({
      invariant: 'uptodate',
      step: at,
      threads: [0],
      slots: [0],
      message:
        "the collapse's huge page (folio 2) is in the page cache at slot 0 but not uptodate, so lookups take it for a hole",
    });
    expect(first(s, 'atomic-switch', 0)).toEqual({
      invariant: 'atomic-switch',
      step: at,
      threads: [0],
      slots: [1],
      message: 'the huge page is visible in part of the range while slot 1 still hold the old state',
    });
  });

  it('uptodate and atomic-switch stay quiet on v6.4, and for fallocated or instantiating pages', () => {
    expect(Script.of('v6.4', 'P.PF', 'collapse', 1).finish().violations).toEqual([]);
    const s = Script.of('v6.4', 'F.', 'write:1', 1).to(0, 'write');
    expect(s.world.folios[1]).toMatchObject({ locked: 0, uptodate: false });
    expect(s.violations).toEqual([]);
  });

  it('uffd (I9): v6.3 collapse fills a registered hole; v6.4 backs off', () => {
    const s = Script.of('v6.3', 'PP.P|uffd', 'collapse', 1).run(0);
    const v = first(s, 'uffd', 0);
    expect(v).toMatchObject({ threads: [0], slots: [2] });
    expect(v.message).toMatch(/^collapse filled hole 2 that userfaultfd MISSING had promised to report/);
    expect(ids(Script.of('v6.4', 'PP.P|uffd', 'collapse', 1).run(0).violations)).not.toContain('uffd');
  });
});

describe('invariants on a corrupted world', () => {
  const quiet = () => Script.of('v6.4', 'PPPP', 'collapse,read:1', 1).run(0).run(1).world;

  it('the untouched world breaks nothing', () => {
    expect(corrupt(quiet(), 1, () => {})).toEqual([]);
  });

  it('refcount (I5): a count that disagrees with its holders', () => {
    const vs = corrupt(quiet(), 1, (w) => void (w.folios[4]!.refcount = 5));
    expect(vs).toEqual([
      {
        invariant: 'refcount',
        step: 41,
        threads: [1],
        slots: [0],
        message: 'folio 4 has refcount 5 but its holders add up to 4',
      },
    ]);
  });

  it('refcount (I5): a frozen page with a count, a stale lookup holder, a PTE on a freed folio', () => {
    const w0 = Script.of('v6.4', 'PP', 'read:0', 1).step(0).world;
    const vs = corrupt(w0, 0, (w) => {
      w.folios[1]!.frozenBy = 0;
      w.threads[0]!.l.folio = null;
      w.proc.ptes[1] = 9;
    });
    expect(only(vs, 'refcount').map((v) => v.message)).toEqual([
      'folio 0 has a lookup reference from T0 read, which no longer uses it',
      'folio 1 is frozen with refcount 1',
      'PTE 1 maps freed folio 9',
    ]);
    expect(only(vs, 'refcount').map((v) => v.threads)).toEqual([[0], [0], [0]]);
    expect(only(vs, 'refcount').map((v) => v.slots)).toEqual([[0], [1], [1]]);
  });

  it('locking (I6): a page lock and xa_lock owned by a finished thread; a live owner is fine', () => {
    const vs = corrupt(quiet(), 0, (w) => {
      w.folios[4]!.locked = 1;
      w.locks.xa = 0;
    });
    expect(only(vs, 'locking')).toEqual([
      {
        invariant: 'locking',
        step: 41,
        threads: [0, 1],
        slots: [0],
        message: 'folio 4 is still locked by T1 read, which has finished',
      },
      {
        invariant: 'locking',
        step: 41,
        threads: [0],
        slots: [],
        message: 'xa_lock is still held by T0 collapse, which has finished',
      },
    ]);
    const live = Script.of('v6.4', 'PP', 'write:0', 1).to(0, 'write').world;
    expect(live.folios[0]?.locked).toBe(0); // the page lock is held by a live thread
    expect(
      only(
        corrupt(live, 0, () => {}),
        'locking',
      ),
    ).toEqual([]);
  });

  it('accounting (I10): nrpages off by one at quiescence, and only at quiescence', () => {
    const vs = corrupt(quiet(), 1, (w) => void (w.nrpages = 3));
    expect(vs).toEqual([
      {
        invariant: 'accounting',
        step: 41,
        threads: [1],
        slots: [],
        message: 'nrpages is 3 but 4 slots hold pages',
      },
    ]);
    const busy = Script.of('v6.4', 'P.', 'collapse', 1).to(0, 'copy_all').world; // charged hole in flight
    const holding = busy.slots.filter((e) => e.t === 'folio').length;
    expect(busy.nrpages).not.toBe(holding); // off by the charged hole, yet not at quiescence
    expect(
      only(
        corrupt(busy, 0, () => {}),
        'accounting',
      ),
    ).toEqual([]);
  });

  it('mapping (I11): a PTE still mapping an old page after a successful collapse', () => {
    const stale = (w: Writable<World>) => {
      const f: Writable<Folio> = { ...w.folios[4]!, id: 9, huge: false, index: 2, mapped: false };
      w.folios[9] = { ...f, holders: [{ kind: 'pte', thread: -1 }], refcount: 1, mapcount: 1, data: [3] };
      w.proc.ptes[2] = 9;
    };
    const vs = corrupt(quiet(), 1, stale);
    expect(only(vs, 'mapping')).toEqual([
      {
        invariant: 'mapping',
        step: 41,
        threads: [1, 0],
        slots: [2],
        message: 'after the collapse, PTE 2 still maps an old page',
      },
    ]);
    const failed = Script.of('v6.4', 'PPP^P', 'collapse', 1).run(0).world;
    expect(failed.threads[0]?.result).toBe('SCAN_PAGE_COUNT');
    expect(only(corrupt(failed, 0, stale), 'mapping')).toEqual([]);
  });

  it('gup (I12): a gup holder left on a page the collapse replaced', () => {
    const w0 = Script.of('v6.4', 'PPPP', 'collapse,gup_fast:1', 1).run(0).run(1).world;
    expect(w0.threads[1]?.result).toBe('gup folio 4 (slow path)');
    expect(
      only(
        corrupt(w0, 1, () => {}),
        'gup',
      ),
    ).toEqual([]);
    const vs = corrupt(w0, 1, (w) => {
      const f: Writable<Folio> = {
        ...w.folios[4]!,
        id: 9,
        huge: false,
        index: 1,
        mapped: false,
        collected: true,
      };
      w.folios[9] = { ...f, holders: [{ kind: 'gup', thread: 1 }], refcount: 1, data: [2] };
    });
    // A pinned page that left the cache without collapse ever holding it (e.g. punched) is fine.
    const punched = corrupt(w0, 1, (w) => {
      const f: Writable<Folio> = {
        ...w.folios[4]!,
        id: 9,
        huge: false,
        index: 1,
        mapped: false,
        collected: false,
      };
      w.folios[9] = { ...f, holders: [{ kind: 'gup', thread: 1 }], refcount: 1, data: [2] };
    });
    expect(only(punched, 'gup')).toEqual([]);
    expect(only(vs, 'gup')).toEqual([
      {
        invariant: 'gup',
        step: 41,
        threads: [1, 0],
        slots: [1],
        message: 'T1 gup_fast still holds old page 9, which the collapse replaced',
      },
    ]);
  });
});
