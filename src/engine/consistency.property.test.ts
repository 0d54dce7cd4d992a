// Property: random schedules on random setups never break the engine's own consistency, on any variant:
// refcount equals its holders, a lock has at most one owner, a frozen page is never handed out, and no
// step ever faults.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runnableThreads } from './status.ts';
import { step } from './step.ts';
import { sampleWorld as sample, setupArb } from './testkitArb.ts';
import type { World } from './types.ts';
import { holdersWeight } from './tx.ts';

function consistent(w: World): string | null {
  for (const f of Object.values(w.folios)) {
    if (f.frozenBy !== null) {
      if (f.refcount !== 0) return `folio ${f.id} frozen with count ${f.refcount}`;
      if (
        f.holders.some((h) => h.kind === 'lookup' || h.kind === 'gup' || (h.kind === 'pin' && h.thread >= 0))
      )
        return `frozen folio ${f.id} handed out`;
      continue;
    }
    const sum = holdersWeight(f.holders);
    if (sum !== f.refcount) return `folio ${f.id}: refcount ${f.refcount} != holders ${sum}`;
    if (f.locked !== null && f.locked >= 0 && !w.threads[f.locked])
      return `folio ${f.id} locked by a missing thread`;
  }
  const l = w.locks;
  if (l.iMmap.writer !== null && l.iMmap.readers.length > 0) return 'i_mmap held for write and read';
  if (l.mmap.writer !== null && l.mmap.readers.length > 0) return 'mmap_lock held for write and read';
  return null;
}

describe('engine consistency under random schedules', () => {
  it('holds on every variant', () => {
    let steps = 0;
    fc.assert(
      fc.property(setupArb, (r) => {
        let w = sample(r);
        for (const c of r.choices) {
          const ready = runnableThreads(w);
          if (ready.length === 0) break;
          const res = step(w, ready[c % ready.length] ?? 0);
          if (!res.ok) throw new Error(res.error.message);
          for (const v of res.violations)
            if (v.invariant === 'refcount' || v.invariant === 'locking')
              throw new Error(`${v.invariant}: ${v.message}`);
          const bad = consistent(res.world);
          if (bad) throw new Error(bad);
          w = res.world;
          steps++;
        }
      }),
      { numRuns: 1000, seed: 20230404 },
    );
    expect(steps).toBeGreaterThan(10_000); // the schedules really ran
  });

  it('taking a blocked, finished or missing thread is a typed error, never an exception', () => {
    fc.assert(
      fc.property(setupArb, fc.integer({ min: -3, max: 12 }), (r, choice) => {
        const w = sample(r);
        const res = step(w, choice);
        if (!res.ok)
          expect(['no-such-thread', 'thread-finished', 'thread-blocked']).toContain(res.error.kind);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
