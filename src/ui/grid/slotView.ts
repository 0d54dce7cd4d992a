// What one slot shows, as plain data: the grid reuses the previous view object while what the slot shows
// is unchanged, so memoised slots skip re-rendering and a step touching 3 of 512 slots renders 3. A view
// remembers what it was built from (the folio object, the PTE), so an untouched slot costs one comparison.
// Holders are not part of a view: only the inspector shows them, for one slot (holdersAt).

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
  readonly index: number;
  readonly entry: EntryKind;
  readonly folio: number | null;
  /** The main line: "folio 3", "hole", "swap", "huge 4[2]". */
  readonly title: string;
  readonly badges: readonly Badge[];
  /** Everything above in one sentence, for aria-label. */
  readonly label: string;
  /** The compact cell: its class list, its short title and its flag letters. */
  readonly cls: string;
  readonly short: string;
  readonly flags: string;
  /** What the view was built from (for reuse): the folio object, or null, and the PTE. */
  readonly src: Folio | null;
  readonly pte: number | null;
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

type Core = Pick<SlotView, 'index' | 'entry' | 'folio' | 'title' | 'badges' | 'src' | 'pte'>;

function build(w: World, i: number): Core {
  const e = w.slots[i] ?? { t: 'empty' as const };
  const pte = w.proc.ptes[i] ?? null;
  const pteBadge: Badge[] =
    pte !== null ? [{ kind: 'pte', text: `mapped (PTE to folio ${pte})`, short: 'M' }] : [];
  if (e.t !== 'folio') {
    const entry: EntryKind = e.t === 'empty' ? 'hole' : e.t;
    const title = entry === 'swap' ? 'swap' : entry === 'retry' ? 'retry' : 'hole';
    return { index: i, entry, folio: null, title, badges: pteBadge, src: null, pte };
  }
  const f = w.folios[e.folio];
  if (!f) return { index: i, entry: 'hole', folio: null, title: 'hole', badges: [], src: null, pte };
  if (f.huge)
    // The huge page's own flags are drawn once on its outline; each slot shows its sub-page.
    return {
      index: i,
      entry: 'huge',
      folio: f.id,
      title: `huge ${f.id}[${i - f.index}]`,
      badges: pteBadge,
      src: f,
      pte,
    };
  return {
    index: i,
    entry: 'page',
    folio: f.id,
    title: `folio ${f.id}`,
    badges: [...folioBadges(f), ...pteBadge],
    src: f,
    pte,
  };
}

function shortTitle(v: Core): string {
  switch (v.entry) {
    case 'hole':
      return '·';
    case 'swap':
      return 'S';
    case 'retry':
      return 'R?';
    case 'huge':
      return 'H';
    case 'page':
      return `f${v.folio ?? ''}`;
  }
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
  let texts = '';
  let cls = `slot entry-${v.entry}`;
  let flags = '';
  for (const b of v.badges) {
    texts += `, ${b.text}`;
    cls += ` has-${b.kind}`;
    flags += flags ? ` ${b.short}` : b.short;
  }
  return { ...v, label: `slot ${i}: ${what}${texts}`, cls, short: shortTitle(v), flags };
}

/** True when slot i of `w` shows what `old` shows without building a view: same folio object and PTE
 * (a huge page's sub-page shows neither its flags nor its holders, so any version of it will do). */
function unchanged(w: World, i: number, old: SlotView): boolean {
  const e = w.slots[i];
  if ((w.proc.ptes[i] ?? null) !== old.pte || !e) return false;
  if (e.t !== 'folio') return old.src === null && old.entry === (e.t === 'empty' ? 'hole' : e.t);
  const f = w.folios[e.folio];
  if (!f || !old.src) return false;
  return f === old.src || (f.huge && old.src.huge && f.id === old.src.id && f.index === old.src.index);
}

/** Views for every slot, reusing `prev[i]` when nothing it shows changed. */
export function slotViews(w: World, prev: readonly SlotView[]): SlotView[] {
  const out: SlotView[] = new Array<SlotView>(w.n);
  for (let i = 0; i < w.n; i++) {
    const old = prev[i];
    if (old && unchanged(w, i, old)) {
      out[i] = old;
      continue;
    }
    const v = slotView(w, i);
    // A folio copied without a visible change (a step that only read it) shows the same sentence.
    out[i] = old?.label === v.label ? old : v;
  }
  return out;
}

/** The inspector's line for slot i: its folio's holders, grouped. */
export function holdersAt(w: World, i: number): string {
  const e = w.slots[i];
  const f = e?.t === 'folio' ? w.folios[e.folio] : undefined;
  return f ? holdersSummary(f) : '';
}
