// I13 beyond-eof: once truncate has returned (the inode lock free, i_size below the range), every slot
// past i_size reads zeros. Worlds reached by the actors, then corrupted by hand where no actor gets there.
import { describe, expect, it } from 'vitest';
import { Script } from '../testkit.ts';
import type { InvariantId, World, Writable } from '../types.ts';
import { checkBeyondEof } from './beyondEof.ts';

interface Found {
  readonly invariant: InvariantId;
  readonly message: string;
  readonly slots: readonly number[];
}
const judge = (w: World): Found[] => {
  const out: Found[] = [];
  checkBeyondEof(w, (invariant, message, _threads, slots) => out.push({ invariant, message, slots }));
  return out;
};
const edit = (w: World, mutate: (d: Writable<World>) => void): World => {
  const d = structuredClone(w) as Writable<World>;
  mutate(d);
  return d;
};
const beyond = (vs: readonly { readonly invariant: InvariantId }[]) =>
  vs.filter((v) => v.invariant === 'beyond-eof');

/** PPPP truncated to 2 by truncate alone: slots 2 and 3 are empty, i_size 2, the inode lock free. */
const truncated = () => Script.of('v6.12', 'PPPP', 'truncate:2').run(0).world;

describe('beyond-eof (I13)', () => {
  it('holds once truncate has emptied the tail', () => {
    const w = truncated();
    expect(w.iSize).toBe(2);
    expect(w.slots.slice(2).map((e) => e.t)).toEqual(['empty', 'empty']);
    expect(w.locks.inode).toBeNull();
    expect(judge(w)).toEqual([]);
  });

  it('breaks when a page with old data is left past i_size', () => {
    const w = edit(truncated(), (d) => {
      d.slots[3] = { t: 'folio', folio: 3 }; // folio 3 still holds 4, slot 3's old data
      d.folios[3] = { ...(d.folios[1] as Writable<World>['folios'][number]), id: 3, index: 3, data: [4] };
    });
    expect(judge(w)).toEqual([
      {
        invariant: 'beyond-eof',
        slots: [3],
        message:
          'truncate has returned, but slot 3 past i_size (2) still holds old data (4): the file reads it again once extended',
      },
    ]);
  });

  it('breaks on a swap entry left past i_size; a fallocated page there reads zeros and holds', () => {
    const swap = edit(truncated(), (d) => void (d.slots[2] = { t: 'swap', value: 3 }));
    expect(judge(swap).map((v) => v.slots)).toEqual([[2]]);
    const falloc = edit(truncated(), (d) => {
      d.slots[3] = { t: 'folio', folio: 3 };
      d.folios[3] = {
        ...(d.folios[1] as Writable<World>['folios'][number]),
        id: 3,
        index: 3,
        data: [0],
        uptodate: false,
        fallocUnwritten: true,
      };
    });
    expect(judge(falloc)).toEqual([]);
  });

  it('is not judged while the inode lock is held: truncate has lowered i_size but not yet emptied the tail', () => {
    const s = Script.of('v6.12', 'PPPP', 'truncate:2').to(0, 'unmap');
    expect(s.world.iSize).toBe(2);
    expect(s.world.slots[2]?.t).toBe('folio'); // old data still there, legitimately
    expect(s.world.locks.inode).toBe(0);
    expect(judge(s.world)).toEqual([]);
    // Released by hand with the tail still full: that is a truncate that returned too early.
    const early = edit(s.world, (d) => void (d.locks.inode = null));
    expect(judge(early).map((v) => v.slots)).toEqual([[2, 3]]);
  });

  it('a huge page truncate zeroed but did not split (model 2) holds; one it covers whole is removed', () => {
    const zeroed = Script.of('v6.12', 'HHHH', 'truncate:2', 2).run(0).world;
    const huge = zeroed.slots[3];
    expect(huge?.t === 'folio' && zeroed.folios[huge.folio]?.data).toEqual([1, 2, 0, 0]);
    expect(judge(zeroed)).toEqual([]);
    const removed = Script.of('v6.12', 'HHHH', 'truncate:0').run(0).world;
    expect(removed.slots.map((e) => e.t)).toEqual(['empty', 'empty', 'empty', 'empty']);
    expect(judge(removed)).toEqual([]);
  });

  it('a later write that extends the file writes below the new i_size: no violation at any step', () => {
    const s = Script.of('v6.12', 'PPPP', 'truncate:1,write:3').run(0).run(1);
    expect(s.world.iSize).toBe(4);
    expect(s.world.threads[1]?.result).toMatch(/^wrote /);
    expect(beyond(s.violations)).toEqual([]);
    // Truncated again to 1, the written page goes too.
    expect(beyond(Script.of('v6.12', 'PPPP', 'write:3,truncate:1').run(0).run(1).violations)).toEqual([]);
  });

  it('is checked by step(): the violation names the thread whose step broke it', () => {
    const s = Script.of('v6.12', 'PPPP', 'truncate:2').to(0, 'finish');
    const w = edit(s.world, (d) => {
      d.slots[3] = { t: 'swap', value: 4 };
    });
    const next = new Script(w).step(0);
    expect(beyond(next.violations)).toMatchObject([{ threads: [0], slots: [3] }]);
  });
});
