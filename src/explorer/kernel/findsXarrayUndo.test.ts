// Issue #12's follow-up: can truncate's and hole punch's tree walks (find_lock_entries / find_get_entries)
// lose data or leave it behind? Verdicts and the files at rest, over every interleaving.
import { describe, expect, it } from 'vitest';
import { parseSetup, type VariantId } from '../../engine/index.ts';
import { filesAtRest } from './atRest.ts';
import { checkSetup } from './check.ts';

let fakeTime = 0;
const setup = (kernel: VariantId, slots: string, threads: string) => {
  const p = parseSetup(kernel, slots, threads);
  if (!p.ok) throw new Error(p.error.message);
  return p.value;
};
const allHold = (kernel: VariantId, slots: string, threads: string) => {
  const r = checkSetup(setup(kernel, slots, threads), { now: () => fakeTime++, reduce: true });
  expect(r.complete).toBe(true);
  expect(r.faults).toEqual([]);
  return r.invariants.every((v) => v.holds === true);
};

describe('punch and truncate walking the tree', () => {
  it.each<VariantId>(['v6.12', 'v6.12+xas-fix'])('%s PPPPPPPP|xa=4: nothing lost or left behind', (k) => {
    expect(allHold(k, 'PPPPPPPP|xa=4', 'collapse,punch:3')).toBe(true);
    expect(filesAtRest(setup(k, 'PPPPPPPP|xa=4', 'collapse,punch:3')).files).toEqual([
      'HHHHHHHH',
      'PPP.PPPP',
    ]);
    expect(allHold(k, 'PPPPPPPP|xa=4', 'collapse,truncate:3')).toBe(true);
    expect(filesAtRest(setup(k, 'PPPPPPPP|xa=4', 'collapse,truncate:3')).files).toEqual([
      'HHHzzzzz',
      'PPP.....',
    ]);
  });

  it('v6.12 PP..PPPP|xa=4 truncate:2: I13 beyond-eof broken by a shortest schedule; it holds on the fix', () => {
    const r = checkSetup(setup('v6.12', 'PP..PPPP|xa=4', 'collapse,truncate:2'), {
      now: () => fakeTime++,
      reduce: true,
    });
    expect(r.complete).toBe(true);
    expect(r.faults).toEqual([]);
    expect(r.invariants.filter((v) => v.holds !== true).map((v) => v.id)).toEqual(['beyond-eof']);
    const v = r.invariants.find((x) => x.id === 'beyond-eof');
    // Pass 1 removed pages 5-7 before collapse reached them, so only page 4's old data is left.
    expect(v?.schedule).toHaveLength(72); // model 3: the pre-check walks the 8 slots in 10 steps first
    expect(v?.violation).toMatchObject({ step: 71, threads: [1], slots: [4] });
    expect(v?.violation?.message).toBe(
      'truncate has returned, but slot 4 past i_size (2) still holds old data (5): the file reads it again once extended',
    );
    expect(v?.steps?.at(-1)?.stepId).toBe('finish'); // truncate's inode_unlock
    expect(allHold('v6.12+xas-fix', 'PP..PPPP|xa=4', 'collapse,truncate:2')).toBe(true);
    expect(allHold('v6.12', 'PP..PPPP', 'collapse,truncate:2')).toBe(true); // the flat model
  });

  it('v6.12 PP..PPPP|xa=4 truncate:2: the files at rest keep old data past EOF; the fix and the flat model do not', () => {
    const r = filesAtRest(setup('v6.12', 'PP..PPPP|xa=4', 'collapse,truncate:2'));
    expect(r.complete).toBe(true);
    expect(r.files).toEqual(['HHzzxxxx', 'HHzzxxxz', 'HHzzxxzz', 'HHzzxzzz', 'HHzzzzzz', 'PP......']);
    const fixed = filesAtRest(setup('v6.12+xas-fix', 'PP..PPPP|xa=4', 'collapse,truncate:2'));
    expect(fixed.files).toEqual(['HHzzzzzz', 'PP......']);
    const flat = filesAtRest(setup('v6.12', 'PP..PPPP', 'collapse,truncate:2'));
    expect(flat.files).toEqual(['HHzzzzzz', 'PP......']);
  });
});
