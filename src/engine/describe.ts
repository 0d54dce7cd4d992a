// Plain words for events, for the command line, the narration and screen readers.

import { folioOfView } from './hugePages.ts';
import type { EngineEvent, EntryView, ThreadId } from './types.ts';

const who = (t: ThreadId) => (t < 0 ? 'outside' : `T${t}`);
const entry = (e: EntryView) =>
  folioOfView(e) !== null
    ? `folio ${folioOfView(e)}`
    : e === 'empty'
      ? 'a hole'
      : e === 'retry'
        ? 'a retry entry'
        : 'a swap entry';

/** One short phrase per event; null for events that only carry bookkeeping. */
export function describeEvent(e: EngineEvent): string | null {
  switch (e.type) {
    case 'thread.stepped':
      return null;
    case 'thread.blocked':
      return `${who(e.thread)} blocks`;
    case 'thread.finished':
      return `${who(e.thread)} finishes: ${e.result}`;
    case 'thread.observed':
      return `${who(e.thread)} sees ${e.what} = ${e.value}`;
    case 'folio.allocated':
      return `folio ${e.folio} allocated${e.huge ? ' (huge)' : ''}`;
    case 'folio.freed':
      return `folio ${e.folio} freed`;
    case 'page.locked':
      return `folio ${e.folio} locked by ${who(e.by)}`;
    case 'page.unlocked':
      return `folio ${e.folio} unlocked`;
    case 'page.flagged':
      return `folio ${e.folio} ${e.value ? '+' : '-'}${e.flag}`;
    case 'refcount.changed':
      return `folio ${e.folio} ref ${e.delta > 0 ? '+' : ''}${e.delta} ${e.holder} = ${e.refcount}`;
    case 'refcount.frozen':
      return `folio ${e.folio} frozen (${e.from} -> 0)`;
    case 'refcount.unfrozen':
      return `folio ${e.folio} unfrozen (0 -> ${e.to})`;
    case 'slot.replaced':
      return `slot ${e.index}: ${entry(e.from)} -> ${entry(e.to)}`;
    case 'hpage.filled':
      return `huge page [${e.index}] = ${e.value}`;
    case 'page.written':
      return `folio ${e.folio} [${e.index}] = ${e.value}`;
    case 'pte.changed':
      return `PTE ${e.index} -> ${e.folio === null ? 'none' : `folio ${e.folio}`}`;
    case 'pmd.changed':
      return `PMD -> ${e.pmd}`;
    case 'lock.acquired':
      return `${who(e.by)} takes ${e.lock}${e.mode === 'read' ? ' (read)' : ''}`;
    case 'lock.released':
      return `${who(e.by)} drops ${e.lock}`;
    case 'lru.batched':
      return `folio ${e.folio} into the lru batch of CPU ${e.cpu < 0 ? '?' : e.cpu}`;
    case 'lru.drained':
      return e.folios.length > 0
        ? `lru batch drained: folio ${e.folios.join(', ')}`
        : 'lru batch drained (empty)';
    case 'uffd.queued':
      return `userfaultfd event for slot ${e.index}`;
    case 'uffd.resolved':
      return `userfaultfd event for slot ${e.index} resolved`;
    case 'uffd.registered':
      return 'VMA registered with UFFD_MISSING';
    case 'inode.changed':
      return `nrpages = ${e.nrpages}, i_size = ${e.iSize} pages`;
    case 'invariant.violated':
      return `VIOLATION [${e.violation.invariant}] ${e.violation.message}`;
  }
}

export function describeEvents(events: readonly EngineEvent[]): string[] {
  return events.flatMap((e) => (e.type === 'invariant.violated' ? [] : (describeEvent(e) ?? [])));
}
