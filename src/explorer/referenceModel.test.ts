import { describe, expect, it } from 'vitest';
import { explore } from './explore.ts';
import { replaySchedule } from './replay.ts';
import { NO_RESURRECTION, REFERENCE_CHOICES, createReferenceModel } from './referenceModel.ts';

const now = (): number => 0;

describe('reference model', () => {
  it('packs N = 4 and 8 into 2 words and N = 16 into 4', () => {
    expect([4, 8, 16].map((n) => createReferenceModel({ n }).stateWords)).toEqual([2, 2, 4]);
  });

  it('starts like the .pml: every slot holds data, every pc at 0', () => {
    const model = createReferenceModel({ n: 4 });
    const s = new Uint32Array(model.stateWords);
    model.init(s);
    expect(model.decode(s)).toEqual({
      st: [1, 1, 1, 1],
      lk: [0, 0, 0, 0],
      cp: [0, 0, 0, 0],
      seen: [0, 0, 0, 0],
      cpc: 0,
      ci: 0,
      tpc: 0,
      tk: 0,
      ti: 0,
      ri: 0,
    });
  });

  // SPIN 6.5.2: spin -a -o2 -DN=..; gcc -DSAFETY -DNOREDUCE; ./pan (see /work/shared/bench/README.md)
  it.each([
    [4, 1_856, 4_132],
    [8, 40_096, 91_670],
  ])('N = %i has exactly SPIN’s %i states and %i transitions', (n, states, transitions) => {
    const r = explore(createReferenceModel({ n }), { now });
    expect(r).toMatchObject({ complete: true, states, transitions, violations: [] });
  });

  it('with BUG at N = 16, finds a shortest resurrection after 19 steps', () => {
    const model = createReferenceModel({ n: 16, bug: true });
    const r = explore(model, { now, stopAtFirstViolation: true });
    const violation = r.violations[0];
    expect(violation?.id).toBe(NO_RESURRECTION);
    expect(violation?.schedule).toHaveLength(19);
    const schedule = violation?.schedule ?? [];
    const names = schedule.map((c) => REFERENCE_CHOICES[c]);
    expect(names.filter((c) => c === 'collapser: lock and copy slot')).toHaveLength(16);
    const path = replaySchedule(model, schedule);
    const last = model.decode(path[path.length - 1] as Uint32Array);
    expect(last).toMatchObject({ cpc: 1, ci: 0 });
    expect([last.st[0], last.cp[0]]).toEqual([0, 1]);
  });

  it('has no violation without BUG and finds one with BUG at N = 4', () => {
    expect(explore(createReferenceModel({ n: 4 }), { now }).violations).toEqual([]);
    const r = explore(createReferenceModel({ n: 4, bug: true }), { now });
    expect(r.violations.map((v) => [v.id, v.schedule.length])).toEqual([[NO_RESURRECTION, 7]]);
  });
});
