// The slot kinds a per-slot control offers, in the setup notation, with words for each.

import type { SlotSpec } from '../../engine/core.ts';

export const SLOT_OPTIONS: readonly { readonly code: string; readonly text: string }[] = [
  { code: '.', text: 'hole' },
  { code: 'P', text: 'page' },
  { code: 'P^', text: 'page, pinned' },
  { code: 'P~', text: 'page in lru batch' },
  { code: 'M', text: 'mapped page' },
  { code: 'M^', text: 'mapped, pinned' },
  { code: 'F', text: 'fallocated' },
  { code: 'S', text: 'swapped out' },
];

export const slotCode = (s: SlotSpec) => `${s.kind}${s.pinned ? '^' : ''}${s.batched ? '~' : ''}`;

/** The slot string with slot i replaced by `code` (the uffd suffix kept). */
export function withSlot(specs: readonly SlotSpec[], i: number, code: string, uffd: boolean): string {
  const body = specs.map((s, k) => (k === i ? code : slotCode(s))).join('');
  return uffd ? `${body}|uffd` : body;
}
