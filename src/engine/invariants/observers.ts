// Ghost bookkeeping for the invariants about what a call observed "for the whole call" (spec §5 I1, I2)
// and about what a read may return (I3 for readers).

import { rolesOf } from '../roles.ts';
import type { DraftThread, Tx } from '../tx.ts';
import type { Thread, World } from '../types.ts';

/** The collapse has published its huge page (it is uptodate, or already freed again by a punch). */
function committed(w: World, t: Thread): boolean {
  if (t.l.hpage === null) return false;
  const h = w.folios[t.l.hpage];
  return h === undefined || h.uptodate;
}

/**
 * Per slot: its data is in memory somewhere (spec §5 I2), judged without the uptodate flag under test.
 * The slot holds written data (not a hole, not fallocated-unwritten) and a live copy of it sits in the
 * page in its slot, in an old page collapse holds, in a huge page in the cache that has it copied, or in
 * a page the process maps. A private huge page not yet in the cache does not count. The old pages count
 * only until the huge page is uptodate: from then on it is the file's data and they are leftovers being
 * freed, so a huge page removed from the cache (the 55ac8bbe358b race) really takes the data with it.
 * One pass over the folios for all slots: this runs after every step while a mincore call is in flight.
 */
export function residentSlots(w: World): boolean[] {
  const out = w.slots.map(() => false);
  const held = new Set<number>();
  for (const t of w.threads) {
    const collapser = rolesOf(t).collapser;
    if (collapser && !t.done && !committed(w, t)) for (const id of collapser.heldPages(t)) held.add(id);
  }
  const slotHolds = (i: number, id: number) => {
    const e = w.slots[i];
    return e?.t === 'folio' && e.folio === id;
  };
  for (const f of Object.values(w.folios)) {
    if (f.huge) {
      f.valid.forEach((v, i) => {
        if (v && slotHolds(i, f.id)) out[i] = true;
      });
    } else if (!f.fallocUnwritten && f.valid[0]) {
      const i = f.index;
      if (slotHolds(i, f.id) || w.proc.ptes[i] === f.id || held.has(f.id)) out[i] = true;
    }
  }
  return out.map((r, i) => r && (w.ghost.hasData[i] ?? false));
}

const premiseOf = (t: Thread) => rolesOf(t).observer?.premise;

/** Starts a call's ghost record when its first step runs. */
export function startObservation(tx: Tx, t: DraftThread): void {
  const w = tx.w;
  const premise = premiseOf(t);
  if (premise === undefined || t.l.throughout.length > 0) return;
  if (premise === 'value') {
    t.l.throughout = [true];
    t.l.vec = [w.ghost.logical[t.param] ?? 0];
    return;
  }
  t.l.throughout = premise === 'resident' ? residentSlots(w) : [...w.ghost.hasData];
}

/** After every step: a premise holds for the whole call only if it still holds now. */
export function updateObservations(tx: Tx): void {
  const w = tx.w;
  let resident: boolean[] | null = null; // computed once, and only if a mincore call is in flight
  for (const t0 of w.threads) {
    const kind = premiseOf(t0);
    if (kind === undefined || t0.l.throughout.length === 0 || t0.done) continue;
    if (kind === 'value') {
      const v = w.ghost.logical[t0.param] ?? 0;
      if (!t0.l.vec.includes(v)) tx.observation(t0.id).vec.push(v);
      continue;
    }
    const holds = kind === 'resident' ? (resident ??= residentSlots(w)) : w.ghost.hasData;
    const premise = (i: number) => holds[i] ?? false;
    const lost = t0.l.throughout.some((b, i) => b && !premise(i));
    if (!lost) continue;
    const ghost = tx.observation(t0.id);
    ghost.throughout = ghost.throughout.map((b, i) => b && premise(i));
  }
}

export function fileValue(w: World, i: number): number {
  const e = w.slots[i];
  if (e?.t === 'swap') return e.value;
  const f = e?.t === 'folio' ? w.folios[e.folio] : undefined;
  return f?.uptodate ? (f.data[i - f.index] ?? 0) : 0;
}
