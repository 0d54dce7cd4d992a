// What one slot shows, as plain data with a key: the grid reuses the previous view object when the key
// is unchanged, so memoised slots skip re-rendering and a step touching 3 of 512 slots renders 3.

import type { Folio, Holder, World } from '../../engine/index.ts';

export type EntryKind = 'hole' | 'page' | 'swap' | 'retry' | 'huge';

export interface Badge {
  readonly kind: 'locked' | 'uptodate' | 'stale' | 'ref' | 'frozen' | 'dirty' | 'lru' | 'pte' | 'pinned';
  /** Full text, shown in roomy layouts and read by screen readers. */
  readonly text: string;
  /** One or two characters for the compact (many-slot) layout; the legend explains them. */
  readonly short: string;
}

export interface SlotView {
  readonly key: string;
  readonly index: number;
  readonly entry: EntryKind;
  readonly folio: number | null;
  /** The main line: "folio 3", "hole", "swap", "huge 4[2]". */
  readonly title: string;
  readonly badges: readonly Badge[];
  readonly holders: string;
  /** Everything above in one sentence, for aria-label. */
  readonly label: string;
}

const who = (t: number) => (t < 0 ? 'outside' : `T${t}`);

export function holderText(h: Holder): string {
  return `${h.kind} (${who(h.thread)})`;
}

// Folios are never mutated once a step returns, so a summary can be cached per folio object. A huge page
// has one cache holder per slot: grouping keeps the text (and the work) small instead of 512 x 512.
const summaries = new WeakMap<Folio, string>();

/** The holders of a folio, grouped: "cache (outside) x512, hpage-alloc (T0)". */
export function holdersSummary(f: Folio): string {
  const hit = summaries.get(f);
  if (hit !== undefined) return hit;
  const counts = new Map<string, number>();
  for (const h of f.holders) counts.set(holderText(h), (counts.get(holderText(h)) ?? 0) + 1);
  const text = [...counts].map(([k, c]) => (c > 1 ? `${k} x${c}` : k)).join(', ');
  summaries.set(f, text);
  return text;
}

/** Badges for a folio's flags and counts (PG_locked, PG_uptodate, refcount, frozen, PG_dirty, PG_lru). */
export function folioBadges(f: Folio): Badge[] {
  const b: Badge[] = [];
  if (f.locked !== null)
    b.push({ kind: 'locked', text: `locked by ${who(f.locked)}`, short: `L${f.locked < 0 ? '' : f.locked}` });
  b.push(
    f.uptodate
      ? { kind: 'uptodate', text: 'uptodate', short: 'U' }
      : { kind: 'stale', text: '!uptodate', short: '!U' },
  );
  if (f.frozenBy !== null) b.push({ kind: 'frozen', text: `frozen by ${who(f.frozenBy)}`, short: 'Z' });
  else b.push({ kind: 'ref', text: `refcount ${f.refcount}`, short: String(f.refcount) });
  if (f.dirty) b.push({ kind: 'dirty', text: 'dirty', short: 'D' });
  if (f.lru) b.push({ kind: 'lru', text: 'lru', short: 'R' });
  if (f.holders.some((h) => h.kind === 'pin')) b.push({ kind: 'pinned', text: 'pinned', short: '^' });
  return b;
}

function build(w: World, i: number): Omit<SlotView, 'key'> & { key?: string } {
  const e = w.slots[i] ?? { t: 'empty' as const };
  const pte = w.proc.ptes[i] ?? null;
  const pteBadge: Badge[] =
    pte !== null ? [{ kind: 'pte', text: `mapped (PTE to folio ${pte})`, short: 'M' }] : [];
  if (e.t !== 'folio') {
    const entry: EntryKind = e.t === 'empty' ? 'hole' : e.t;
    const title = entry === 'swap' ? 'swap' : entry === 'retry' ? 'retry' : 'hole';
    return { index: i, entry, folio: null, title, badges: pteBadge, holders: '', label: '' };
  }
  const f = w.folios[e.folio];
  if (!f) return { index: i, entry: 'hole', folio: null, title: 'hole', badges: [], holders: '', label: '' };
  if (f.huge) {
    // The huge page's own flags are drawn once on its outline; each slot shows its sub-page.
    const sub = i - f.index;
    return {
      index: i,
      entry: 'huge',
      folio: f.id,
      title: `huge ${f.id}[${sub}]`,
      badges: pteBadge,
      holders: holdersSummary(f),
      label: '',
    };
  }
  return {
    index: i,
    entry: 'page',
    folio: f.id,
    title: `folio ${f.id}`,
    badges: [...folioBadges(f), ...pteBadge],
    holders: holdersSummary(f),
    label: '',
  };
}

export function slotView(w: World, i: number): SlotView {
  const v = build(w, i);
  const what =
    v.entry === 'huge'
      ? `part of huge page folio ${v.folio ?? ''}`
      : v.entry === 'page'
        ? `folio ${v.folio ?? ''}`
        : v.entry === 'hole'
          ? 'a hole'
          : v.entry === 'swap'
            ? 'a swap entry'
            : 'a retry entry';
  const label = `slot ${i}: ${what}${v.badges.length ? `, ${v.badges.map((b) => b.text).join(', ')}` : ''}`;
  const key = `${v.entry}|${v.folio ?? ''}|${v.title}|${v.badges.map((b) => b.text).join(',')}|${v.holders}`;
  return { ...v, label, key };
}

/** Views for every slot, reusing `prev[i]` when nothing it shows changed. */
export function slotViews(w: World, prev: readonly SlotView[]): SlotView[] {
  const out: SlotView[] = new Array<SlotView>(w.n);
  for (let i = 0; i < w.n; i++) {
    const v = slotView(w, i);
    const old = prev[i];
    out[i] = old?.key === v.key ? old : v;
  }
  return out;
}
