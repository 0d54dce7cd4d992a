// i_size: faults past the end of the file get SIGBUS, reads return nothing, writes extend the file; and
// truncate's second pass re-checks an index whose swap entry was swapped back in.
import { describe, expect, it } from 'vitest';
import { Script } from '../testkit.ts';

describe('the end of the file', () => {
  it('a fault past i_size after a truncate gets SIGBUS and takes no lock', () => {
    const s = Script.of('v6.4', 'PPPP', 'truncate:1,fault:2').run(0).step(1);
    expect(s.thread(1)).toMatchObject({ done: true, result: 'SIGBUS' });
    expect(s.world.locks.mmap.readers).toEqual([]);
  });

  it('a read past i_size returns EOF and breaks nothing', () => {
    const r = Script.of('v6.4', 'PPPP', 'truncate:1,read:3').run(0).finish();
    expect(r.world.threads[1]?.result).toBe('EOF');
    expect(r.violations).toEqual([]);
  });

  it('a write past i_size extends the file', () => {
    const r = Script.of('v6.4', 'PPPP', 'truncate:1,write:3').run(0).finish();
    expect(r.world.iSize).toBe(4);
    expect(r.world.ghost.logical).toEqual([1, 0, 0, 5]);
    expect(r.violations).toEqual([]);
  });
});

describe('truncate pass 2 and swap-in', () => {
  it('a swap entry swapped back in before pass 2 frees it is looked up again and removed', () => {
    const s = Script.of('v6.4', 'PPP', 'punch:1,fault:1,lru_drain,swapout:1,read:1')
      .to(0, 'p2_start')
      .run(1)
      .run(2)
      .run(3)
      .step(0, 2);
    expect(s.thread(0).pc).toBe('p2_swap');
    expect(s.world.slots[1]?.t).toBe('swap');
    s.run(4);
    expect(s.world.slots[1]?.t).toBe('folio');
    s.step(0);
    expect(s.thread(0)).toMatchObject({ pc: 'p2_get', l: { index: 1 } });
    const r = s.finish();
    expect(r.world.threads[0]?.result).toBe('punched 1');
    expect(r.world.slots[1]?.t).toBe('empty');
  });
});
