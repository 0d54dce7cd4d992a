// Regressions from the fidelity review: I12 looks only at pages a collapse collected; truncate has no
// last-edge lookup; a fault re-checks i_size after allocating.
import { describe, expect, it } from 'vitest';
import { Script } from '../testkit.ts';

const invariants = (r: { violations: readonly { invariant: string }[] }) =>
  r.violations.map((v) => v.invariant);

describe('fidelity review', () => {
  it('a pinned page punched out of the cache is no I12 violation, even after a collapse succeeds', () => {
    const r = Script.of('v6.4', 'MPP.', 'collapse,pin:0,punch:0').run(1).run(2).finish();
    expect(r.world.threads[0]?.result).toBe('SCAN_SUCCEED');
    expect(invariants(r)).not.toContain('gup');
  });

  it('truncate has no last-edge lookup: the huge page met in pass 2 is removed whole before v6.7', () => {
    const run = (k: 'v6.4' | 'v6.7') => {
      const s = Script.of(k, 'P.PP', 'collapse,truncate:1').to(0, 'scan', 4).to(1, 'p2_start');
      expect(s.thread(1).l.skipFrom).toBe(4); // nothing cut out: slot 3 was never treated as an edge
      return s.run(0).finish();
    };
    expect(run('v6.4').violations.find((v) => v.invariant === 'data')?.slots).toEqual([0]);
    expect(run('v6.7').violations).toEqual([]);
  });

  it('a fault that allocates after a truncate past its index gets SIGBUS and leaves no page', () => {
    const s = Script.of('v6.4', 'PP..', 'fault:3,truncate:2').to(0, 'alloc').run(1).run(0);
    expect(s.thread(0).result).toBe('SIGBUS');
    expect(s.world.slots[3]).toEqual({ t: 'empty' });
    expect(s.world.locks.mmap.readers).toEqual([]);
    expect(s.finish().violations).toEqual([]);
  });
});
