// The store's memoised selectors cache per store: two stores on one page (the page and an embedded
// player, or two tests) never evict or see each other's answers.
import { describe, expect, it, vi } from 'vitest';
import { createSimStore } from './createSimStore.ts';
import { selectScenario } from './scenario.ts';
import { selectViolations } from './selectors.ts';

vi.mock('react', () => ({}));

describe('per-store caches', () => {
  it('selectViolations answers each store from its own entry, stable while its inputs stay', () => {
    const a = createSimStore();
    const b = createSimStore({ kernel: 'v6.4', slots: 'PPPP', threads: 'collapse,seek_data:0' });
    a.getState().jumpTo(a.getState().records.length);
    b.getState().jumpTo(b.getState().records.length);
    const fromA = selectViolations(a.getState());
    const fromB = selectViolations(b.getState());
    expect(fromA.map((v) => v.violation.invariant)).toContain('seek');
    expect(fromB).toEqual([]);
    // Asking the other store in between does not evict the first one's answer.
    expect(selectViolations(a.getState())).toBe(fromA);
    expect(selectViolations(b.getState())).toBe(fromB);
    a.getState().jumpTo(0);
    expect(selectViolations(a.getState())).toEqual([]);
    expect(selectViolations(b.getState())).toBe(fromB);
  });

  it("selectScenario follows each store's loaded setup", () => {
    const a = createSimStore();
    const b = createSimStore({ kernel: 'v6.4', slots: 'PP', threads: 'read:0' });
    const race = selectScenario(a.getState());
    expect(race?.kernel).toBe('v6.3');
    expect(selectScenario(b.getState())).toBeNull();
    expect(selectScenario(a.getState())).toBe(race);
    b.getState().loadSetup(race!.kernel, race!.slots, race!.threads);
    expect(selectScenario(b.getState())).toBe(race);
  });
});
