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
