// The invariants checked at rest, once every thread has finished (spec §5 I3, I10, I11, I12).

import { rolesOf } from '../roles.ts';
import type { World } from '../types.ts';
import { name, range, type Emit } from './report.ts';
import { fileValue } from './observers.ts';

/** I3, I10, I11, I12 once every thread has finished. */
export function checkAtRest(w: World, emit: Emit): void {
  const lost = range(0, Math.min(w.iSize, w.n)).filter((i) => fileValue(w, i) !== w.ghost.logical[i]);
  if (lost.length > 0)
    emit(
      'data',
      lost
        .map((i) => `slot ${i} reads ${fileValue(w, i)} but should read ${w.ghost.logical[i] ?? 0}`)
        .join('; '),
      [],
      lost,
    );
  const covered = w.slots.filter((e) => e.t === 'folio').length;
  if (w.nrpages !== covered)
    emit('accounting', `nrpages is ${w.nrpages} but ${covered} slots hold pages`, [], []);
  const retries = w.slots.flatMap((e, i) => (e.t === 'retry' ? [i] : []));
  if (retries.length > 0) emit('accounting', `retry entries left in slot ${retries.join(', ')}`, [], retries);
  const cached = new Set(w.slots.flatMap((e) => (e.t === 'folio' ? [e.folio] : [])));
  for (const f of Object.values(w.folios)) {
    if (cached.has(f.id)) {
      const caches = f.holders.filter((h) => h.kind === 'cache').length;
      const span = w.slots.filter((e) => e.t === 'folio' && e.folio === f.id).length;
      if (caches !== span)
        emit(
          'accounting',
          `folio ${f.id} fills ${span} slots but has ${caches} cache references`,
          [],
          [f.index],
        );
      if (f.huge && !f.uptodate)
        emit('accounting', `the huge page is in the cache but never became uptodate`, [], []);
      continue;
    }
    // GUP users and pins keep pages on purpose; an lru batch drops its reference at the next drain.
    const leaked = f.holders.filter(
      (h) => h.kind !== 'gup' && h.kind !== 'pin' && h.kind !== 'lru-batch' && h.thread !== -1,
    );
    if (leaked.length > 0)
      emit(
        'accounting',
        `folio ${f.id} left the cache but still has ${leaked.map((h) => `${h.kind}:${name(w, h.thread)}`).join(', ')}`,
        [],
        [f.index],
      );
  }
  const succeeded = w.threads.filter((t) => rolesOf(t).collapser?.succeeded(t) === true).map((t) => t.id);
  if (succeeded.length === 0) return;
  const stale = w.proc.ptes.flatMap((id, i) => (id !== null && !cached.has(id) ? [i] : []));
  if (stale.length > 0)
    emit(
      'mapping',
      `after the collapse, PTE ${stale.join(', ')} still ${stale.length > 1 ? 'map' : 'maps'} an old page`,
      succeeded,
      stale,
    );
  for (const f of Object.values(w.folios)) {
    if (!f.collected || cached.has(f.id) || f.mapped) continue; // only old pages a collapse replaced
    const users = f.holders
      .filter((h) => (h.kind === 'gup' || h.kind === 'pin') && h.thread >= 0)
      .map((h) => h.thread);
    if (users.length > 0)
      emit(
        'gup',
        `${users.map((u) => name(w, u)).join(', ')} still holds old page ${f.id}, which the collapse replaced`,
        [...users, ...succeeded],
        [f.index],
      );
  }
}
