// From generic setups, with no schedule given, the explorer finds each bug of spec §4 on the variants the
// spec calls buggy, proves the same setups clean on v6.4 with the search complete, and the reduction
// gives the same verdicts as the plain search.
import { describe, expect, it } from 'vitest';
import { parseSetup, type InvariantId, type VariantId } from '../../engine/index.ts';
import { checkSetup, type CheckResult } from './check.ts';
import { reachableResults } from './outcomes.ts';

let fakeTime = 0;
const now = () => fakeTime++;

function check(kernel: VariantId, slots: string, threads: string, reduce = true): CheckResult {
  const p = parseSetup(kernel, slots, threads);
  if (!p.ok) throw new Error(p.error.message);
  return checkSetup(p.value, { now, reduce });
}
const broken = (r: CheckResult) => r.invariants.filter((v) => v.holds === false).map((v) => v.id);

interface Case {
  readonly name: string;
  readonly slots: string;
  readonly threads: string;
  readonly buggy: VariantId;
  readonly invariant: InvariantId;
}
const CASES: readonly Case[] = [
  {
    name: '(a) SEEK_DATA loses data',
    slots: 'PPPP',
    threads: 'collapse,seek_data:0',
    buggy: 'v6.3',
    invariant: 'seek',
  },
  {
    name: '(a) SEEK_HOLE finds a false hole',
    slots: 'PPP',
    threads: 'collapse,seek_hole:0',
    buggy: 'v6.3',
    invariant: 'seek',
  },
  { name: '(b) mincore', slots: 'MPPP', threads: 'collapse,mincore', buggy: 'v6.3', invariant: 'mincore' },
  {
    name: '(c) deadlock with mincore',
    slots: 'PMP',
    threads: 'collapse,mincore',
    buggy: 'v5-nak',
    invariant: 'progress',
  },
  {
    name: '(c) deadlock with memcg_move',
    slots: 'PMP',
    threads: 'collapse,memcg_move',
    buggy: 'v5-nak',
    invariant: 'progress',
  },
  {
    name: '(d) userfaultfd hole',
    slots: 'PP.P|uffd',
    threads: 'collapse,fault:2',
    buggy: 'v6.3',
    invariant: 'uffd',
  },
];

describe('the explorer finds the spec §4 bugs from generic setups', () => {
  it.each(CASES)('$name: broken on $buggy, every invariant holds on v6.4', (c) => {
    const bad = check(c.buggy, c.slots, c.threads);
    expect(bad.complete).toBe(true);
    expect(broken(bad)).toContain(c.invariant);
    const v = bad.invariants.find((x) => x.id === c.invariant);
    expect(v?.violation?.invariant).toBe(c.invariant); // the schedule replays to that very violation
    expect(v?.schedule?.length).toBe(v?.steps?.length);
    const good = check('v6.4', c.slots, c.threads);
    expect(good.complete).toBe(true);
    expect(good.invariants.every((x) => x.holds === true)).toBe(true);
    expect(good.faults).toEqual([]);
  });

  it('(a) the SEEK counterexample is the shortest: collapse replaces slot 0, then the 4 steps of lseek', () => {
    const r = check('v6.3', 'PPPP', 'collapse,seek_data:0');
    expect(r.invariants.find((v) => v.id === 'seek')?.schedule).toEqual([
      0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1,
    ]);
  });

  it('(c) the deadlock is named as a cycle', () => {
    const r = check('v5-nak', 'PMP', 'collapse,mincore');
    const v = r.invariants.find((x) => x.id === 'progress')?.violation;
    expect(v?.message).toMatch(/^deadlock: /);
    expect(v?.threads).toEqual(expect.arrayContaining([0, 1]));
  });

  it('(e) on v6.3 a range with a swapped page can never collapse; on v6.4 it can', () => {
    const pre = reachableResults(check('v6.3', 'PSP', 'collapse'));
    expect(pre[0]?.results).toEqual(['SCAN_DEL_PAGE_LRU']);
    const post = reachableResults(check('v6.4', 'PSP', 'collapse'));
    expect(post[0]?.results).toEqual(['SCAN_SUCCEED']);
  });

  it('v6.4-rc1: the iteration regression; collapse can never succeed with a page before the last slot', () => {
    const rc1 = check('v6.4-rc1', 'PPP', 'collapse,seek_data:0');
    expect(reachableResults(rc1)[0]?.results).toContain('SCAN_PAGE_LOCK');
    expect(reachableResults(rc1)[0]?.results).not.toContain('SCAN_SUCCEED');
    expect(broken(rc1)).toEqual([]);
    expect(reachableResults(check('v6.4', 'PPP', 'collapse,seek_data:0'))[0]?.results).toContain(
      'SCAN_SUCCEED',
    );
  });

  it('(g) hole punch loses data outside the range on v6.4 and not on v6.7', () => {
    const r64 = check('v6.4', 'P.P', 'collapse,punch:1');
    expect(broken(r64)).toContain('data');
    const r67 = check('v6.7', 'P.P', 'collapse,punch:1');
    expect(r67.complete).toBe(true);
    expect(broken(r67)).toEqual([]);
  });

  it('a state limit stops the search with a clear message', () => {
    const r = checkSetup(
      (() => {
        const p = parseSetup('v6.4', 'PPPPPPPP', 'collapse,mincore,fault:3');
        if (!p.ok) throw new Error();
        return p.value;
      })(),
      { now, maxStates: 500 },
    );
    expect(r.complete).toBe(false);
    expect(r.message).toMatch(/explored 500 states.*not complete/);
    expect(r.invariants.every((v) => v.holds === null)).toBe(true);
  });
});

describe('the reduction keeps verdicts exact', () => {
  const setups = [
    ...CASES.flatMap((c) => [[c.buggy, c.slots, c.threads] as const, ['v6.4', c.slots, c.threads] as const]),
    ['v6.4', 'P.P', 'collapse,punch:1'] as const,
    ['v6.3+p3', 'P.PF', 'collapse,write:1'] as const,
    ['v6.7', 'P.P', 'collapse,truncate:1'] as const,
  ];
  it.each(setups)('%s %s %s: same verdicts and outcomes, no more states', (k, slots, threads) => {
    const plain = check(k, slots, threads, false);
    const reduced = check(k, slots, threads, true);
    expect(reduced.invariants.map((v) => [v.id, v.holds])).toEqual(
      plain.invariants.map((v) => [v.id, v.holds]),
    );
    // Folio ids in results ("mapped folio 5") depend on allocation order, which the reduction may change.
    const canon = (r: CheckResult) =>
      reachableResults(r).map((o) => [...new Set(o.results.map((x) => x.replace(/folio \d+/g, 'folio #')))]);
    expect(canon(reduced)).toEqual(canon(plain));
    expect(reduced.states).toBeLessThanOrEqual(plain.states);
    for (const v of plain.invariants.filter((x) => x.schedule))
      expect(reduced.invariants.find((x) => x.id === v.id)?.schedule?.length).toBe(v.schedule?.length);
  });
});
