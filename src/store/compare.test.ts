// Compare on the recorded races: both sides run to their end (impossible choices skipped, then
// round-robin), the first difference is one userspace can see, and each kernel gets a verdict.
import { describe, expect, it, vi } from 'vitest';
import type { VariantId } from '../engine/index.ts';
import { createWorld, parseSetup } from '../engine/index.ts';
import { compareView } from './compareView.ts';
import { createSimStore } from './createSimStore.ts';
import { planSide, verdictText } from './divergence.ts';
import { createReplay } from './replay.ts';

vi.mock('react', () => ({}));

function compared(race: string, variant: VariantId) {
  const store = createSimStore();
  store.getState().loadScenario(race);
  store.getState().setCompareVariant(variant);
  store.getState().jumpTo(store.getState().choices.length);
  const c = store.getState().compare;
  if (!c) throw new Error('no compare view');
  return { store, c };
}

describe('compare', () => {
  it('seed race against v6.4: both finish, SEEK_DATA answers 0 there, the difference is ENXIO against 0', () => {
    const { c } = compared('seek-data', 'v6.4');
    expect(c.world.threads.every((t) => t.done)).toBe(true);
    expect(c.at).toBe(c.records.length);
    expect(c.world.threads[1]?.result).toBe('0');
    expect(c.divergence).toEqual({
      step: 12,
      otherStep: 11,
      reason: 'T1 SEEK_DATA(0) = ENXIO on v6.3 but 0 on v6.4',
    });
    expect(c.skipped.length).toBeGreaterThan(0);
    expect(verdictText(c.verdicts.main)).toBe('v6.3: SEEK_DATA(0) = ENXIO, T0 = SCAN_SUCCEED, I1 broken');
    expect(verdictText(c.verdicts.other)).toBe('v6.4: SEEK_DATA(0) = 0, T0 = SCAN_SUCCEED, all hold');
  });

  it('mincore against v6.4: the vector differs at the step mincore returns', () => {
    const { c } = compared('mincore', 'v6.4');
    expect(c.divergence?.reason).toBe('T1 mincore = 0111 on v6.3 but 1111 on v6.4');
    expect(c.verdicts.other.broken).toEqual([]);
  });

  it('a collapse-only race differs in what collapse returns', () => {
    const { c } = compared('lru-drain', 'v6.3+p1');
    expect(c.divergence?.reason).toBe('T0 returns SCAN_DEL_PAGE_LRU on v6.3 but SCAN_SUCCEED on v6.3+p1');
  });

  it('the v5 deadlock: the stuck side never returns, and its verdict says so', () => {
    const { c } = compared('frozen-deadlock', 'v6.4');
    expect(c.divergence?.reason).toBe('T1 mincore = nothing (it never returns) on v5-nak but 1111 on v6.4');
    expect(verdictText(c.verdicts.main)).toBe('v5-nak: I4 broken, stuck');
  });

  it('a safe race shows no observable difference', () => {
    const { c } = compared('fast-gup', 'v6.3');
    expect(c.divergence).toBeNull();
  });

  it('compareView is pure: the same inputs give equal views, and nothing it is given changes', () => {
    const p = parseSetup('v6.3', 'PPPP', 'collapse,seek_data:0');
    if (!p.ok) throw new Error(p.error.message);
    const schedule = [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1];
    const side = (variant: 'v6.3' | 'v6.4') => {
      const initial = createWorld({ ...p.value, variant });
      return { variant, replay: createReplay(initial), plan: planSide(initial, schedule) };
    };
    const main = side('v6.3');
    const other = side('v6.4');
    const plan = JSON.stringify(other.plan);
    const input = { main, other, scheduled: schedule.length, cursor: 5 };
    const one = compareView(input);
    const two = compareView(input);
    expect(two).toEqual(one);
    expect(JSON.stringify(other.plan)).toBe(plan);
    expect(one.at).toBe(other.plan.stepsAfter[5]);
  });
});
