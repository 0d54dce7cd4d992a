// Fast GUP (gup_fast, FOLL_GET) and GUP pin (pin, FOLL_PIN) with the slow-path fallback (spec §3.8).
import { describe, expect, it } from 'vitest';
import { holders, Script, take } from '../testkit.ts';

describe('gup_fast and pin steps', () => {
  it('read_pte: a present PTE is remembered; grab takes +1; recheck succeeds and keeps it', () => {
    const r1 = take(Script.of('v6.4', 'MP', 'gup_fast:0').world, 0);
    expect(r1.world.threads[0]).toMatchObject({ pc: 'grab', l: { folio: 0 } });
    expect(r1.events).toHaveLength(1);
    const r2 = take(r1.world, 0);
    expect(holders(r2.world.folios[0])).toEqual(['cache:-1', 'pte:-1', 'gup:0']);
    expect(r2.events.slice(1)).toEqual([
      { type: 'refcount.changed', folio: 0, holder: 'gup', thread: 0, delta: 1, refcount: 3 },
    ]);
    const r3 = take(r2.world, 0);
    expect(r3.world.threads[0]).toMatchObject({ done: true, result: 'gup folio 0', l: { folio: null } });
    expect(r3.world.folios[0]?.refcount).toBe(3);
    expect(r3.events.slice(1)).toEqual([{ type: 'thread.finished', thread: 0, result: 'gup folio 0' }]);
  });

  it('pin adds GUP_PIN_COUNTING_BIAS (1024)', () => {
    const { world: w, events } = take(Script.of('v6.4', 'MP', 'pin:0').step(0).world, 0);
    expect(holders(w.folios[0])).toEqual(['cache:-1', 'pte:-1', 'pin:0']);
    expect(w.folios[0]?.refcount).toBe(1026);
    expect(events[1]).toMatchObject({ holder: 'pin', delta: 1024, refcount: 1026 });
  });

  it('read_pte on pte_none falls back to the slow path: a fault, then the reference', () => {
    const r1 = take(Script.of('v6.4', 'MP', 'gup_fast:1').world, 0);
    expect(r1.world.threads[0]?.pc).toBe('mmap_lock');
    const s = new Script(r1.world).run(0);
    expect(s.thread(0).result).toBe('gup folio 1 (slow path)');
    expect(holders(s.world.folios[1])).toEqual(['cache:-1', 'pte:-1', 'gup:0']);
    expect(s.world.proc.ptes).toEqual([0, 1]);
  });

  it('grab on a frozen page fails without a reference and falls back (v6.3)', () => {
    const s = Script.of('v6.3', 'MPPP', 'collapse,gup_fast:0').step(1).to(0, 'scan', 1);
    expect(s.world.folios[0]?.frozenBy).toBe(0);
    const { world: w, events } = take(s.world, 1);
    expect(w.threads[1]).toMatchObject({ pc: 'mmap_lock', l: { folio: null } });
    expect(events.filter((e) => e.type === 'refcount.changed')).toEqual([]);
  });

  it('recheck sees the PTE changed (collapse unmapped it): drops the reference and falls back (v6.4)', () => {
    const s = Script.of('v6.4', 'MPPP', 'collapse,gup_fast:0').step(1).to(0, 'scan', 1).step(1);
    expect(s.thread(1).pc).toBe('recheck');
    const { world: w, events } = take(s.world, 1);
    expect(w.threads[1]).toMatchObject({ pc: 'mmap_lock', l: { folio: null } });
    expect(holders(w.folios[0])).toEqual(['cache:-1', 'collapse-pin:0', 'isolation:0']);
    expect(events.slice(1, 2)).toEqual([
      { type: 'refcount.changed', folio: 0, holder: 'gup', thread: 1, delta: -1, refcount: 3 },
    ]);
  });

  it('a huge PMD: read_pte finds the hpage and pins it', () => {
    const s = Script.of('v6.4', 'PP', 'collapse,fault:0,pin:1').run(0).run(1);
    const r = take(take(take(s.world, 2).world, 2).world, 2);
    expect(r.world.threads[2]?.result).toBe('pin folio 2');
    expect(r.world.folios[2]?.refcount).toBe(2 + 1 + 1024);
  });
});
