// What the page needs to know about huge pages without reading an actor's locals or parsing event text.

import { rolesOf } from './roles.ts';
import type { EntryView, Folio, ThreadId, World } from './types.ts';

/** The folio an event's slot view names (`folio:N`), or null for a hole, a swap or a retry entry. */
export function folioOfView(v: EntryView): number | null {
  return v.startsWith('folio:') ? Number(v.slice(6)) : null;
}

export interface CollapseHugePage {
  readonly folio: Folio;
  /** The collapse thread that allocated it. */
  readonly owner: ThreadId;
}

/** Each running or finished collapse's huge page that still exists, with its thread. */
export function collapseHugePages(w: World): CollapseHugePage[] {
  const out: CollapseHugePage[] = [];
  for (const t of w.threads) {
    const id = rolesOf(t).collapser?.hugePage(t) ?? null;
    const folio = id === null ? undefined : w.folios[id];
    if (folio) out.push({ folio, owner: t.id });
  }
  return out;
}
