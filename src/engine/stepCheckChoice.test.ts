// Which invariant check step() runs: the full one below INCREMENTAL_FROM_SLOTS slots, the incremental
// one (which remembers the verdicts of the world it made) from there on, and whichever a caller asks for.
import { describe, expect, it } from 'vitest';
import { verdictsOf } from './invariants/incremental.ts';
import { createWorld, parseSetup } from './index.ts';
import { INCREMENTAL_FROM_SLOTS, step } from './step.ts';

function firstStep(slots: string, check?: 'full' | 'incremental') {
  const p = parseSetup('v6.4', slots, 'collapse,seek_data:0');
  if (!p.ok) throw new Error(p.error.message);
  const r = step(createWorld(p.value), 0, check === undefined ? {} : { check });
  if (!r.ok) throw new Error(r.error.message);
  return r.world;
}

describe('the invariant check step() picks', () => {
  it('is the full check below INCREMENTAL_FROM_SLOTS slots (no verdicts remembered)', () => {
    expect(verdictsOf(firstStep('P'.repeat(8)))).toBeNull();
    expect(verdictsOf(firstStep('P'.repeat(INCREMENTAL_FROM_SLOTS - 1)))).toBeNull();
  });
  it('is the incremental check from INCREMENTAL_FROM_SLOTS slots on', () => {
    expect(verdictsOf(firstStep('P'.repeat(INCREMENTAL_FROM_SLOTS)))).not.toBeNull();
  });
  it('is what the caller asks for, whatever the size', () => {
    expect(verdictsOf(firstStep('P'.repeat(8), 'incremental'))).not.toBeNull();
    expect(verdictsOf(firstStep('P'.repeat(INCREMENTAL_FROM_SLOTS), 'full'))).toBeNull();
  });
});
