// The compiler guards what determinism.test.ts checks at run time: a World handed out is deeply readonly,
// and only a step's Tx hands out something writable. Each `@ts-expect-error` below fails `npm run
// test:types` (tsconfig.node.json) the day the write it marks compiles.
import { describe, expect, it } from 'vitest';
import { worldOf } from './testkit.ts';
import type { Tx } from './tx.ts';
import type { World } from './types.ts';

/** Writes that must not compile: never called, only type-checked. */
export function writesOutsideTx(w: World): void {
  // @ts-expect-error: a world's slots are readonly
  w.slots[0] = { t: 'empty' };
  // @ts-expect-error: a world's scalars are readonly
  w.nrpages = 0;
  // @ts-expect-error: a folio is readonly outside a step's draft
  w.folios[0]!.refcount = 0;
  // @ts-expect-error: a folio's holders are a readonly array
  w.folios[0]!.holders.push({ kind: 'pin', thread: 0 });
  // @ts-expect-error: a thread is readonly outside a step's draft
  w.threads[0]!.pc = 'done';
  // @ts-expect-error: a thread's locals are readonly too
  w.threads[0]!.l.pagelist.push(0);
  // @ts-expect-error: locks are readonly
  w.locks.iMmap.readers.push(0);
  // @ts-expect-error: the ghost is readonly
  w.ghost.logical[0] = 1;
}

/**
 * Inside a step: the draft's own parts are writable; shared folios, threads and arrays of N entries only
 * through Tx (which copies them on the first write).
 */
export function writesInsideTx(tx: Tx): void {
  // @ts-expect-error: the slots are shared with the previous world until tx.slotsToWrite() copies them
  tx.w.slots[0] = { t: 'empty' };
  tx.slotsToWrite()[0] = { t: 'empty' };
  // @ts-expect-error: so are the PTEs
  tx.w.proc.ptes[0] = null;
  tx.ptesToWrite()[0] = null;
  // @ts-expect-error: and the ghost's values
  tx.w.ghost.logical[0] = 1;
  tx.ghostToWrite().logical[0] = 1;
  tx.w.nrpages = 0;
  // @ts-expect-error: a folio is shared with the previous world until tx.folio() copies it
  tx.w.folios[0]!.refcount = 0;
  // @ts-expect-error: a thread is shared with the previous world; only the acting one is writable (beginTx)
  tx.w.threads[0]!.pc = 'done';
  tx.folio(0).refcount = 0;
  tx.observation(1).vec.push(0);
  // @ts-expect-error: another thread's locals beyond its observation ghost are not writable
  tx.observation(1).index = 0;
}

describe('a World is readonly to the compiler', () => {
  it('the checked functions exist (their bodies are checked by tsc, not run)', () => {
    expect(typeof writesOutsideTx).toBe('function');
    expect(typeof writesInsideTx).toBe('function');
    expect(worldOf('v6.4', 'PP', 'read:0').slots).toHaveLength(2);
  });
});
