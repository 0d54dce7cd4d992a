// The story's invariant comes first; I7/I8 are "expected" only on kernels that freeze and replace.
import { describe, expect, it } from 'vitest';
import type { InvariantId } from '../../engine/index.ts';
import type { ShownViolation } from '../../store/index.ts';
import { expectedOnKernel, groupViolations, storyViolation } from './story.ts';

const shown = (invariant: InvariantId, step: number): ShownViolation => ({
  violation: { invariant, step, threads: [0], slots: [0], message: invariant },
  spec: '',
  title: '',
  record: null,
});

describe('groupViolations', () => {
  const seed = [shown('uptodate', 6), shown('atomic-switch', 6), shown('seek', 10)];

  it('on v6.3 puts I1 first and I7, I8 in the expected group', () => {
    const g = groupViolations(seed, 'v6.3', 'seek');
    expect(g.target.map((v) => v.violation.invariant)).toEqual(['seek']);
    expect(g.others).toEqual([]);
    expect(g.expected.map((v) => v.violation.invariant)).toEqual(['uptodate', 'atomic-switch']);
  });

  it('on v6.4 nothing is expected: an I7 there is a real break', () => {
    expect(expectedOnKernel('v6.4', 'uptodate')).toBe(false);
    expect(expectedOnKernel('v6.3+p3', 'atomic-switch')).toBe(true);
    const g = groupViolations(seed, 'v6.4', null);
    expect(g.target.map((v) => v.violation.invariant)).toEqual(['uptodate']);
    expect(g.expected).toEqual([]);
  });

  it('without a target the first unexpected violation is the story', () => {
    expect(storyViolation(seed, 'v6.3', null)?.violation.invariant).toBe('seek');
    expect(storyViolation(seed.slice(0, 2), 'v6.3', null)).toBeNull();
  });
});
