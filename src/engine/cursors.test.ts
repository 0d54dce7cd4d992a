// The cursors follow the seed race: T1's lookup lands on slot 0 and takes a reference on the huge page,
// collapse holds the page locks and the xa_lock, and SEEK_DATA's ENXIO is drawn as slots 0-3 skipped.
import { describe, expect, it } from 'vitest';
import { ACTORS, type ActorKind } from './actors/index.ts';
import { describeCursor, slotSpan, threadCursor, threadCursors } from './cursors.ts';
import { Script } from './testkit.ts';

// The seed race's recording up to and past the break (src/scenarios/seekData.ts).
const SEED = [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1];

function seedAfter(steps: number): Script {
  const s = Script.of('v6.3', 'PPPP', 'collapse,seek_data:0', 1);
  for (const t of SEED.slice(0, steps)) s.step(t);
  return s;
}

describe('threadCursors', () => {
  it('at the start, collapse scans slot 0 and seek_data:0 will look up slot 0, holding nothing', () => {
    const [c0, c1] = threadCursors(seedAfter(0).world);
    expect(c0).toMatchObject({ at: 0, doing: 'scans slot 0', holds: [], answer: null });
    expect(c1).toMatchObject({ at: 0, doing: 'looks up slot 0', holds: [], answer: null });
  });

  it("after T1's lookup it holds a reference on the huge page in slot 0", () => {
    const w = seedAfter(9).world;
    const c1 = threadCursors(w)[1];
    expect(c1?.at).toBe(0);
    expect(c1?.holds).toEqual([{ kind: 'ref', folio: 4, slots: [0] }]);
    expect(c1 && describeCursor(c1)).toBe(
      'T1 seek_data:0 looks up slot 0, holds a reference on folio 4 in slot 0',
    );
  });

  it('collapse holds the huge page locked in slot 0, the frozen old page out of the cache, and the xa_lock', () => {
    const c0 = threadCursors(seedAfter(7).world)[0];
    expect(c0?.holds).toContainEqual({ kind: 'lock', folio: 4, slots: [0] });
    expect(c0?.holds).toContainEqual({ kind: 'freeze', folio: 0, slots: [] });
    expect(c0?.holds).toContainEqual({ kind: 'xa_lock', folio: null, slots: [0, 1, 2, 3] });
    expect(c0?.at).toBe(1);
  });

  it('after the break, SEEK_DATA = ENXIO is an answer that skipped slots 0-3', () => {
    const c1 = threadCursors(seedAfter(11).world)[1];
    expect(c1?.at).toBeNull();
    expect(c1?.answer).toEqual({
      kind: 'seek',
      call: 'SEEK_DATA(0)',
      result: 'ENXIO',
      skipped: [0, 1, 2, 3],
      at: null,
    });
    expect(c1 && describeCursor(c1)).toBe(
      'T1 seek_data:0 has returned SEEK_DATA(0) = ENXIO, skipping slots 0-3',
    );
  });

  it('on v6.4 SEEK_DATA(0) answers 0: nothing skipped, slot 0 named', () => {
    const s = Script.of('v6.4', 'PPPP', 'collapse,seek_data:0', 1);
    s.run(1);
    expect(threadCursors(s.world)[1]?.answer).toEqual({
      kind: 'seek',
      call: 'SEEK_DATA(0)',
      result: '0',
      skipped: [],
      at: 0,
    });
  });

  it('mincore reports the slots it called not resident', () => {
    const s = Script.of('v6.3', '.P', 'mincore', 1);
    s.run(0);
    expect(threadCursors(s.world)[0]?.answer).toEqual({ kind: 'mincore', result: '01', absent: [0] });
  });

  it('a thread acting on its parameter looks at that slot', () => {
    const c = threadCursors(Script.of('v6.3', 'PPPP', 'read:2,lru_drain', 1).world);
    expect(c[0]).toMatchObject({ at: 2, doing: 'reads slot 2' });
    expect(c[1]).toMatchObject({ at: null, doing: null });
  });

  it('SEEK_HOLE and read answers come from their own programs', () => {
    const hole = Script.of('v6.4', 'PP.P', 'seek_hole:0', 1);
    hole.run(0);
    expect(threadCursors(hole.world)[0]?.answer).toEqual({
      kind: 'seek',
      call: 'SEEK_HOLE(0)',
      result: '2',
      skipped: [0, 1],
      at: 2,
    });
    const read = Script.of('v6.4', 'PPPP', 'read:1', 1);
    read.run(0);
    expect(threadCursors(read.world)[0]?.answer).toEqual({ kind: 'read', at: 1, value: 2 });
  });

  it("each actor's program says where its cursor is and what it does there (no table by actor name)", () => {
    const w = Script.of('v6.4', 'PPPP', 'read:1', 1).world;
    const t0 = w.threads[0]!;
    for (const [kind, program] of Object.entries(ACTORS)) {
      const t = { ...t0, actor: kind as ActorKind, param: 1, l: { ...t0.l, index: 3 } };
      const c = threadCursor(w, t);
      const at = { scan: 3, param: 1, none: null }[program.cursor.at];
      expect(c.at, kind).toBe(at);
      expect(c.doing, kind).toBe(at === null ? null : `${program.cursor.verb} slot ${at}`);
    }
  });

  it('slotSpan names runs and lists', () => {
    expect(slotSpan([3])).toBe('slot 3');
    expect(slotSpan([0, 1, 2, 3])).toBe('slots 0-3');
    expect(slotSpan([0, 2])).toBe('slots 0, 2');
    expect(slotSpan([])).toBe('no slot');
  });
});
