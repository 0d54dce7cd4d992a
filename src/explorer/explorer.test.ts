import { describe, expect, it } from 'vitest';
import type { Model } from './model.ts';
import type { Progress } from './types.ts';
import { explore, exploreAsync } from './explore.ts';
import { Explorer } from './explorer.ts';
import { replaySchedule } from './replay.ts';

/**
 * A k x k grid walked from (0, 0): choice 0 moves right, 1 moves up. k^2 states, 2k(k-1) edges, and
 * the corner has no successors. `bad` cells violate invariant `id` (first match wins).
 */
function grid(
  k: number,
  bad: readonly (readonly [number, number, number])[] = [],
  deadlockHook = false,
): Model {
  const model: Model = {
    name: `grid ${k}`,
    stateWords: 2,
    maxSuccessors: 2,
    invariantNames: ['a', 'b'],
    init(out) {
      out[0] = 0;
      out[1] = 0;
    },
    successors(s, at, out, choices) {
      const x = s[at] as number;
      const y = s[at + 1] as number;
      let n = 0;
      if (x + 1 < k) {
        out[2 * n] = x + 1;
        out[2 * n + 1] = y;
        choices[n++] = 0;
      }
      if (y + 1 < k) {
        out[2 * n] = x;
        out[2 * n + 1] = y + 1;
        choices[n++] = 1;
      }
      return n;
    },
    check(s, at) {
      const hit = bad.find(([x, y]) => s[at] === x && s[at + 1] === y);
      return hit === undefined ? -1 : hit[2];
    },
  };
  return deadlockHook ? { ...model, isDeadlock: () => true } : model;
}

/** A clock that advances `step` ms every time it is read. */
function tickingClock(step: number): () => number {
  let t = 0;
  return () => (t += step);
}

const now = tickingClock(0);

describe('explore', () => {
  it('visits every state and counts transitions like SPIN (edges + 1)', () => {
    const r = explore(grid(10), { now });
    expect(r).toMatchObject({
      complete: true,
      reason: 'done',
      states: 100,
      transitions: 2 * 10 * 9 + 1,
      depth: 18,
    });
    expect(r.violations).toEqual([]);
    expect(r.deadlocks).toBeUndefined();
    expect(r.message).toBe('explored 100 states, 181 transitions, depth 18, complete');
  });

  it('reports a shortest schedule per invariant, in discovery order', () => {
    const bad = [
      [3, 3, 1],
      [2, 1, 0],
      [1, 2, 0],
    ] as const;
    const model = grid(6, bad);
    const r = explore(model, { now });
    expect(r.violations.map((v) => [v.id, v.schedule.length])).toEqual([
      [0, 3],
      [1, 6],
    ]);
    for (const v of r.violations) {
      const path = replaySchedule(model, v.schedule);
      const last = path[path.length - 1] as Uint32Array;
      expect(model.check(last, 0)).toBe(v.id);
    }
    expect(r.complete).toBe(true);
    expect(r.message).toContain('violated "a" after 3 steps');
  });

  it('reports a violating initial state with an empty schedule', () => {
    expect(explore(grid(3, [[0, 0, 1]]), { now }).violations).toEqual([{ id: 1, schedule: [] }]);
  });

  it('can stop at the first violation', () => {
    const r = explore(grid(50, [[1, 1, 0]]), { now, stopAtFirstViolation: true });
    expect(r).toMatchObject({ complete: false, reason: 'violation' });
    expect(r.violations[0]?.schedule).toHaveLength(2);
    expect(r.states).toBeLessThan(20);
  });

  it('reports deadlocks through the model hook', () => {
    const r = explore(grid(5, [], true), { now });
    expect(r.deadlocks).toEqual({ count: 1, schedule: [0, 0, 0, 0, 1, 1, 1, 1] });
    expect(r.message).toContain('1 deadlocks, first after 8 steps');
  });

  it('stops at maxStates, incomplete, without storing more', () => {
    const r = explore(grid(100), { now, maxStates: 2_000 });
    expect(r).toMatchObject({ complete: false, reason: 'maxStates', states: 2_000 });
    expect(r.message).toBe(
      `explored 2,000 states, ${r.transitions.toLocaleString('en-US')} transitions, depth ${r.depth}, not complete (state limit reached)`,
    );
  });

  it('is complete when the state space is exactly maxStates', () => {
    expect(explore(grid(10), { now, maxStates: 100 })).toMatchObject({ complete: true, states: 100 });
  });

  it('stops at the time limit of the injected clock', () => {
    const r = explore(grid(300), { now: tickingClock(1), timeLimitMs: 5, pollEvery: 10 });
    expect(r).toMatchObject({ complete: false, reason: 'timeLimit' });
    expect(r.states).toBeLessThan(300);
    expect(r.message).toContain('not complete (time limit of 0 s reached)');
  });

  it('polls shouldCancel and stops when asked', () => {
    let polls = 0;
    const r = explore(grid(300), { now, pollEvery: 16, shouldCancel: () => ++polls === 3 });
    expect(r).toMatchObject({ complete: false, reason: 'cancelled' });
    expect(polls).toBe(3);
    expect(r.states).toBeLessThan(200);
  });

  it('reports progress every K states, with a rate from the injected clock', () => {
    const seen: Progress[] = [];
    explore(grid(100), {
      now: tickingClock(2),
      pollEvery: 10,
      progressEvery: 1_000,
      onProgress: (p) => seen.push(p),
    });
    expect(seen.length).toBeGreaterThanOrEqual(10);
    const last = seen[seen.length - 1] as Progress;
    expect(last).toMatchObject({ states: 10_000, depth: 198, queued: 0 });
    expect(last.statesPerSecond).toBeCloseTo((10_000 * 1000) / last.elapsedMs);
    // Strictly growing, except that the final report (at the stop) may repeat the last count.
    for (let i = 1; i < seen.length - 1; i++) {
      expect((seen[i] as Progress).states).toBeGreaterThan((seen[i - 1] as Progress).states);
    }
  });

  it('keeps exact counts while the table and arenas grow from tiny sizes', () => {
    const r = explore(grid(200), { now, initialSlots: 16, chunkStates: 16 });
    expect(r).toMatchObject({ complete: true, states: 40_000, transitions: 2 * 200 * 199 + 1, depth: 398 });
    expect(r.bytes).toBeGreaterThanOrEqual(40_000 * (8 + 4 + 1) + (40_000 / 0.75) * 4);
  });
});

describe('reading the clock by work done', () => {
  /** A grid whose every expansion costs `msPerState` of a fake clock (no real time passes). */
  function slowGrid(k: number, msPerState: number) {
    let t = 0;
    const base = grid(k);
    const model: Model = {
      ...base,
      successors(s, at, out, choices) {
        t += msPerState;
        return base.successors(s, at, out, choices);
      },
    };
    return { model, now: () => t };
  }

  it.each([0.001, 0.05, 2.5, 40])(
    'a 1 s time limit holds within 10%% or 100 ms at %s ms a state',
    (msPerState) => {
      const { model, now } = slowGrid(2000, msPerState);
      const r = explore(model, { now, timeLimitMs: 1000 });
      expect(r.reason).toBe('timeLimit');
      // Reading the clock every 1,024 states, 2.5 ms a state stopped after 2.56 s.
      expect(r.elapsedMs).toBeLessThanOrEqual(1100 + msPerState);
    },
  );

  it('run(budget, sliceMs) returns after about sliceMs of work, whatever a state costs', () => {
    for (const msPerState of [0.001, 0.5, 10]) {
      const { model, now } = slowGrid(2000, msPerState);
      const explorer = new Explorer(model, { now });
      const before = now();
      expect(explorer.run(Infinity, 50)).toBe(false);
      expect(now() - before).toBeGreaterThanOrEqual(50);
      expect(now() - before).toBeLessThanOrEqual(50 + 4 + 2 * msPerState);
    }
  });

  it('reports progress at least every progressMs even when states are slow', () => {
    const { model, now } = slowGrid(2000, 5);
    const at: number[] = [];
    explore(model, { now, timeLimitMs: 3000, progressMs: 500, onProgress: (p) => at.push(p.elapsedMs) });
    for (let i = 1; i < at.length; i++) expect((at[i] ?? 0) - (at[i - 1] ?? 0)).toBeLessThanOrEqual(510);
    expect(at.length).toBeGreaterThanOrEqual(6);
  });
});

describe('Explorer in slices', () => {
  it('runs in bounded slices and gives the same result', () => {
    const explorer = new Explorer(grid(30), { now });
    let slices = 1;
    while (!explorer.run(50)) slices++;
    expect(slices).toBeGreaterThan(10);
    expect(explorer.result()).toMatchObject({ complete: true, states: 900, transitions: 2 * 30 * 29 + 1 });
  });

  it('exploreAsync pauses between slices and can be cancelled from a pause', async () => {
    let pauses = 0;
    let cancel = false;
    const r = await exploreAsync(grid(300), {
      now,
      sliceStates: 100,
      pollEvery: 100,
      shouldCancel: () => cancel,
      pause: async () => {
        if (++pauses === 5) cancel = true;
      },
    });
    expect(r).toMatchObject({ complete: false, reason: 'cancelled' });
    expect(pauses).toBe(5);
  });

  it('treats asking for a result mid-run as a cancellation', () => {
    const explorer = new Explorer(grid(30), { now });
    explorer.run(10);
    expect(explorer.result()).toMatchObject({ complete: false, reason: 'cancelled' });
    expect(explorer.finished).toBe(true);
  });

  it('stops incomplete with a clear message when an allocation fails, never throwing', () => {
    const base = grid(30);
    let calls = 0;
    const failing: Model = {
      ...base,
      successors(s, at, out, choices) {
        if (++calls === 40) throw new RangeError('Array buffer allocation failed');
        return base.successors(s, at, out, choices);
      },
    };
    const r = explore(failing, { now });
    expect(r).toMatchObject({ complete: false, reason: 'maxMemory', queued: r.states - 39 });
    expect(r.message).toMatch(/not complete \(out of memory: Array buffer allocation failed\)/);
  });

  it('lets other errors through: they are bugs, not memory', () => {
    const base = grid(3);
    const failing: Model = {
      ...base,
      successors() {
        throw new TypeError('a bug');
      },
    };
    expect(() => explore(failing, { now })).toThrow('a bug');
  });
});
