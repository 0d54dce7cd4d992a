// The page's check slices by the clock (issue #15, failure 3): a cancel lands within one slice of about
// 50 ms and progress goes out at least twice a second, whatever a state costs. The clock here is fake (it
// advances 1 ms per read), so the test asserts clock time, not wall time.
import { describe, expect, it } from 'vitest';
import { parseSetup } from '../../engine/index.ts';
import type { Progress } from '../../explorer/index.ts';
import { checkInSlices } from './slicedCheck.ts';

function setup() {
  const p = parseSetup('v6.4', 'PPPPPPPP', 'collapse,seek_hole:0,mincore,read:3');
  if (!p.ok) throw new Error(p.error.message);
  return p.value;
}

describe('checkInSlices', () => {
  it('pauses every ~50 ms of clock, answers a cancel at the next slice, and reports progress by time', async () => {
    let t = 0;
    let cancelled = false;
    let cancelAt = 0;
    const pausesAt: number[] = [];
    const progressAt: number[] = [];
    const r = await checkInSlices(setup(), {
      maxStates: 10_000_000,
      now: () => ++t,
      cancelled: () => cancelled,
      onProgress: (p: Progress) => progressAt.push(p.elapsedMs),
      pause: () => {
        pausesAt.push(t);
        if (pausesAt.length === 20) {
          cancelled = true;
          cancelAt = t;
        }
        return Promise.resolve();
      },
    });
    expect(r.reason).toBe('cancelled');
    for (let i = 1; i < pausesAt.length; i++)
      expect((pausesAt[i] ?? 0) - (pausesAt[i - 1] ?? 0)).toBeLessThanOrEqual(60);
    // Stopped at the first poll after the cancel: within a few clock reads, far inside 200 ms.
    expect(t - cancelAt).toBeLessThanOrEqual(10);
    for (let i = 1; i < progressAt.length - 1; i++)
      expect((progressAt[i] ?? 0) - (progressAt[i - 1] ?? 0)).toBeLessThanOrEqual(500);
    expect(progressAt.length).toBeGreaterThanOrEqual(4);
  });
});

describe('the page memory budget', () => {
  it('follows the device: a quarter of its memory, from 256 MB to 1 GB, 512 MB when unknown', async () => {
    const { pageMemoryBudget, estimatedUse } = await import('./memoryBudget.ts');
    const MB = 2 ** 20;
    expect(pageMemoryBudget(undefined)).toBe(512 * MB);
    expect(pageMemoryBudget(0.5)).toBe(256 * MB);
    expect(pageMemoryBudget(2)).toBe(512 * MB);
    expect(pageMemoryBudget(8)).toBe(1024 * MB);
    expect(estimatedUse(1_000_000, undefined)).toBe(1_000_000_000);
    expect(estimatedUse(10, 5 * MB)).toBe(5 * MB);
  });

  it('stops the check with the limit named', async () => {
    let t = 0;
    let states = 0;
    const r = await checkInSlices(setup(), {
      maxStates: 10_000_000,
      now: () => ++t,
      cancelled: () => false,
      onProgress: (p: Progress) => (states = p.states),
      pause: () => Promise.resolve(),
      memoryUsed: () => states * 1000,
      maxMemoryBytes: 2 * 2 ** 20,
    });
    expect(r.reason).toBe('maxMemory');
    expect(r.message).toMatch(/not complete \(memory limit of 2 MB reached\)/);
  });
});
