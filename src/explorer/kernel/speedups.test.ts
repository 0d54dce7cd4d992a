// Every speed-up of the search is exact: on a table of setups (buggy and fixed variants, `|uffd` and
// `|xa` ones, several threads) the search with them finds the same states, transitions, depth, verdicts,
// counterexample schedules and outcomes as the baseline search, field by field.
import { describe, expect, it } from 'vitest';
import { parseSetup, type VariantId } from '../../engine/index.ts';
import { checkSetup, type CheckOptions, type CheckResult } from './check.ts';

const now = () => 0;

export const EQUALITY_SETUPS: readonly (readonly [VariantId, string, string])[] = [
  ['v6.3', 'PPPP', 'collapse,seek_data:0'],
  ['v6.4', 'PPPP', 'collapse,seek_data:0'],
  ['v6.3', 'MPPP', 'collapse,mincore'],
  ['v5-nak', 'PMP', 'collapse,mincore'],
  ['v6.3', 'PP.P|uffd', 'collapse,fault:2'],
  ['v6.4', 'PP.P|uffd', 'collapse,write:2,punch:1'],
  ['v6.4', 'PPMP', 'collapse,seek_data:0,fault:3'],
  ['v6.12', 'PPPPPPPP|xa=4', 'collapse,seek_data:0'],
  ['v6.12+xas-fix', 'PPPPPPPP|xa=4', 'collapse,seek_data:0'],
  ['v6.12', 'PP..PPPP|xa=4', 'collapse,truncate:2'],
  // Long encodings: stored as shared chunks (SHARE_FROM_BYTES).
  ['v6.3', 'P'.repeat(40), 'collapse,seek_data:0'],
  ['v6.4', `${'P'.repeat(30)}MP.P`, 'collapse,seek_data:0'],
  ['v6.12', `${'P'.repeat(32)}|xa=4`, 'collapse,punch:3'],
  // The incremental invariant check (engine/invariants/incremental.ts, what step() runs from
  // INCREMENTAL_FROM_SLOTS on) carrying verdicts of many slots: a hole userfaultfd watches among long
  // runs of pages, and a buggy kernel's violations.
  ['v6.3', `${'P'.repeat(62)}.P|uffd`, 'collapse,fault:62'],
  ['v5-nak', `${'P'.repeat(62)}MP`, 'collapse,mincore'],
  ['v6.4', 'PF.P|uffd', 'collapse,truncate:1'],
];

function run(kernel: VariantId, slots: string, threads: string, o: Partial<CheckOptions>): CheckResult {
  const p = parseSetup(kernel, slots, threads);
  if (!p.ok) throw new Error(p.error.message);
  return checkSetup(p.value, { now, ...o });
}

/** What must not change: everything a check reports except its timings and memory. */
export function observable(r: CheckResult) {
  return {
    complete: r.complete,
    states: r.states,
    transitions: r.transitions,
    depth: r.depth,
    invariants: r.invariants.map((v) => ({ id: v.id, holds: v.holds, schedule: v.schedule })),
    outcomes: r.outcomes,
    faults: r.faults,
  };
}

describe('the faster search is exact', () => {
  it.each(EQUALITY_SETUPS)('%s %s %s: same states, transitions, verdicts and outcomes', (k, s, t) => {
    const baseline = observable(run(k, s, t, { baseline: true }));
    const fastRun = run(k, s, t, {});
    const fast = observable(fastRun);
    // The long setups really are stored as chunks: fewer bytes than the baseline's whole encodings.
    if (s.length >= 32)
      expect(fastRun.memory.encodings).toBeLessThan(run(k, s, t, { baseline: true }).memory.encodings);
    expect(baseline.complete).toBe(true);
    expect(fast).toEqual(baseline);
  });

  it('holds without the reduction too', () => {
    const base = observable(run('v6.3', 'PPP', 'collapse,seek_hole:0', { baseline: true, reduce: false }));
    expect(observable(run('v6.3', 'PPP', 'collapse,seek_hole:0', { reduce: false }))).toEqual(base);
  });

  it('stops at a memory limit against its own allocations when the host measures nothing', () => {
    const r = run('v6.4', 'PPPPPPPP', 'collapse,seek_data:0,mincore', { maxMemoryBytes: 2 ** 20 });
    expect(r.reason).toBe('maxMemory');
    expect(r.message).toMatch(/not complete \(memory limit of 1 MB reached\)/);
    expect(r.memory.visitedSet + r.memory.encodings + r.memory.indexArrays).toBeGreaterThanOrEqual(2 ** 20);
    expect(r.states).toBeGreaterThan(100);
  });
});
