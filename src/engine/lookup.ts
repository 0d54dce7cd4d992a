// What every lockless reader shares (filemap_get_entry / find_get_entry, spec §3): when a lookup of a
// slot spins, and dropping the reference it took. The lookup's steps are lookupSteps.ts: only the
// deferred actors use them, so they (and the tree's level-by-level descent) stay out of the page's
// first render.

import type { DraftThread, Tx } from './tx.ts';
import { putRef, folioOf } from './tx.ts';
import type { Block, LocalsOf, World } from './types.ts';

/** The locals a lookup uses (types.ts Locals): nothing else of the thread's record. */
export type LookupLocals = LocalsOf<'index' | 'folio' | 'xas'>;

/** Why a lookup of slot i spins now, or null. */
export function lookupSpin(w: World, i: number): Block | null {
  const e = w.slots[i];
  if (e?.t === 'retry') return { kind: 'retry-entry', index: i, owner: w.locks.xa ?? -1 };
  if (e?.t === 'folio') {
    const f = folioOf(w, e.folio);
    if (f.frozenBy !== null) return { kind: 'frozen', folio: f.id, index: i, owner: f.frozenBy };
  }
  return null;
}

/** Drops the lookup reference a thread holds in t.l.folio. */
export function dropLookup(tx: Tx, t: DraftThread<LookupLocals>): void {
  if (t.l.folio === null) return;
  putRef(tx, tx.folio(t.l.folio), 'lookup');
  t.l.folio = null;
}
