// The lockless lookup every reader shares (filemap_get_entry / find_get_entry, spec §3) as steps:
// load the slot and try_get the folio (one step), then re-check the slot still holds it (another step),
// so a collapse can run between the two. A frozen folio or a retry entry makes the loop spin.

import { lookupSpin, type LookupLocals } from './lookup.ts';
import type { StepDef } from './program.ts';
import { src } from './sources.ts';
import type { DraftFolio, DraftThread, Tx } from './tx.ts';
import { getRef, putRef } from './tx.ts';
import type { Entry, World } from './types.ts';
import type { DescendIds } from './xarray/descend.ts';
import { descends, levelSpin, levelStep, reloadStep } from './xarray/descend.ts';

export type LookupFound =
  | { readonly t: 'empty' }
  | { readonly t: 'swap'; readonly value: number }
  | { readonly t: 'folio'; readonly folio: DraftFolio };

/**
 * Two steps `<prefix>get` and `<prefix>check` looking up slot `t.l.index`; `found` continues the thread
 * (with a `lookup` reference held when a folio is found). `descend`: on model 3 with `|xa` the lookup
 * reads the tree a level per step (xarray/descend.ts): `get` the head node, `<prefix>xa_descend` each
 * level below, `check` the reload in the node it stopped in.
 */
export function lookupSteps<L extends LookupLocals>(
  prefix: string,
  what: string,
  found: (tx: Tx, t: DraftThread<L>, r: LookupFound) => void,
  descend = false,
): Record<string, StepDef<string, L>> {
  const ids: DescendIds = { top: `${prefix}get`, down: `${prefix}xa_descend`, reload: `${prefix}check` };
  const tree = (w: World) => descend && descends(w);
  const levels: Record<string, StepDef<string, L>> = descend
    ? {
        [ids.down]: {
          label: 'xas_descend: the next level',
          text: 'Read the slot of the child node the lookup descended to: a sibling entry is followed to its canonical slot; a retry entry (the node was freed) sends the lookup back to the head.',
          src: src('xas_load'),
          guard: (w, t) => levelSpin(w, t, false),
          run: (tx, t) => levelStep(tx, t, false, ids, found),
        },
      }
    : {};
  return {
    [`${prefix}get`]: {
      label: 'xas_load + folio_try_get',
      text: `Look up ${what} without locks; take a reference on the folio found (spins while it is frozen or a retry entry). With |xa (model 3) this reads the top node only; each level below is the next step.`,
      src: src('filemap_get_entry'),
      guard: (w, t) => (tree(w) ? levelSpin(w, t, true) : lookupSpin(w, t.l.index)),
      run: (tx, t) => {
        if (tree(tx.w)) return levelStep(tx, t, true, ids, found);
        const e: Entry = tx.w.slots[t.l.index] ?? { t: 'empty' };
        if (e.t === 'folio') {
          getRef(tx, tx.folio(e.folio), 'lookup');
          t.l.folio = e.folio;
          t.pc = `${prefix}check`;
        } else if (e.t === 'swap') found(tx, t, { t: 'swap', value: e.value });
        else found(tx, t, { t: 'empty' });
      },
    },
    [`${prefix}check`]: {
      label: 'xas_reload',
      text: 'Re-read the slot: if it no longer holds that folio, drop the reference and look up again.',
      src: src('filemap_get_entry:xas_reload'),
      run: (tx, t) => {
        if (tree(tx.w)) return reloadStep(tx, t, ids, found);
        const id = t.l.folio ?? -1;
        const e = tx.w.slots[t.l.index];
        const f = tx.folio(id);
        if (e?.t === 'folio' && e.folio === id) {
          found(tx, t, { t: 'folio', folio: f });
          return;
        }
        putRef(tx, f, 'lookup');
        t.l.folio = null;
        t.pc = `${prefix}get`;
      },
    },
    ...levels,
  };
}
