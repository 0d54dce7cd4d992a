// What one slot shows, as plain data: the grid reuses the previous view object while what the slot shows
// is unchanged, so slotCells.ts patches only the cells whose view changed (a step touching 3 of 512 slots
// patches 3). A view remembers what it was built from (the folio object, the PTE), so an untouched slot
// costs one comparison.
// Holders are not part of a view: only the inspector shows them, for one slot (holdersAt).

import type { Folio, Holder, World } from '../../engine/core.ts';

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
  /** The data the slot holds (slot i's file data is i + 1; 0 is zeros); "–" for a huge sub-page not yet
   * filled, "" for a hole. Drawn in roomy cells only (aria-hidden: the value is a picture of the data). */
  readonly value: string;
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
export function folioBadges(f: Folio): readonly Badge[] {
  return badgeSet(f).badges;
}

/** A folio's badges and the strings a slot draws from them. */
interface BadgeSet {
  readonly badges: readonly Badge[];
  /** ", uptodate, refcount 2, lru": appended to the slot's sentence. */
  readonly texts: string;
  /** " has-uptodate has-ref has-lru": appended to the slot's class list. */
  readonly classes: string;
  /** "U 2 R": the compact cell's flag letters. */
  readonly flags: string;
}

// The same flags and count give the same badges and strings, so they are built once per combination: the
// 512 pages of a fresh setup share one set instead of allocating 2,000 badges and 1,500 strings.
const badgeSets = new Map<number, BadgeSet>();

function badgeSet(f: Folio): BadgeSet {
  const pinned = f.holders.some((h) => h.kind === 'pin');
  const bits = (+f.uptodate << 3) | (+f.dirty << 2) | (+f.lru << 1) | +pinned;
  const owner = (t: number | null) => (t === null ? 0 : t + 2);
  // Thread ids and refcounts are small; the key stays an exact integer far below 2^53.
  const key = ((owner(f.locked) * 256 + owner(f.frozenBy)) * 16 + bits) * 2 ** 24 + f.refcount;
  let set = badgeSets.get(key);
  if (!set) {
    set = withStrings(buildBadges(f, pinned));
    badgeSets.set(key, set);
  }
  return set;
}

function buildBadges(f: Folio, pinned: boolean): Badge[] {
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
  if (pinned) b.push({ kind: 'pinned', text: 'pinned', short: '^' });
  return b;
}

function withStrings(badges: readonly Badge[]): BadgeSet {
  let texts = '';
  let classes = '';
  let flags = '';
  for (const b of badges) {
    texts += `, ${b.text}`;
    classes += ` has-${b.kind}`;
    flags += flags ? ` ${b.short}` : b.short;
  }
  return { badges, texts, classes, flags };
}

const NONE: BadgeSet = withStrings([]);
type Empty = Exclude<EntryKind, 'page' | 'huge'>;
const WHAT: Record<Empty, string> = { hole: 'a hole', swap: 'a swap entry', retry: 'a retry entry' };
const SHORT: Record<Empty, string> = { hole: '·', swap: 'S', retry: 'R?' };

/** What a huge page's sub-page for slot i holds so far. */
function hugeValue(f: Folio, i: number): string {
  const k = i - f.index;
  return f.valid[k] ? String(f.data[k] ?? 0) : '–';
}

/** The view of slot i: what it holds, its badges, and the strings drawn from them. */
export function slotView(w: World, i: number): SlotView {
  const e = w.slots[i] ?? { t: 'empty' as const };
  const pte = w.proc.ptes[i] ?? null;
  const f = e.t === 'folio' ? w.folios[e.folio] : undefined;
  let entry: EntryKind, title: string, what: string, short: string;
  let value = '';
  let set = NONE;
  if (!f) {
    const k: Empty = e.t === 'folio' || e.t === 'empty' ? 'hole' : e.t;
    entry = title = k;
    what = WHAT[k];
    short = SHORT[k];
    if (e.t === 'swap') value = String(e.value);
  } else if (f.huge) {
    // The huge page's own flags are drawn once on its outline; each slot shows its sub-page.
    entry = 'huge';
    title = `huge ${f.id}[${i - f.index}]`;
    what = `part of huge page folio ${f.id}`;
    short = 'H';
    value = hugeValue(f, i);
  } else {
    entry = 'page';
    title = what = `folio ${f.id}`;
    short = `f${f.id}`;
    value = String(f.data[0] ?? 0);
    set = badgeSet(f);
  }
  if (pte !== null)
    set = withStrings([...set.badges, { kind: 'pte', text: `mapped (PTE to folio ${pte})`, short: 'M' }]);
  return {
    index: i,
    entry,
    folio: f?.id ?? null,
    title,
    badges: set.badges,
    label: `slot ${i}: ${what}${set.texts}`,
    cls: `slot entry-${entry}${set.classes}`,
    short,
    flags: set.flags,
    value,
    src: f ?? null,
    pte,
  };
}

/** True when slot i of `w` shows what `old` shows without building a view: same folio object and PTE
 * (a huge page's sub-page shows neither its flags nor its holders, so any version of it will do). */
function unchanged(w: World, i: number, old: SlotView): boolean {
  const e = w.slots[i];
  if ((w.proc.ptes[i] ?? null) !== old.pte || !e) return false;
  if (e.t !== 'folio') return old.src === null && old.entry === (e.t === 'empty' ? 'hole' : e.t);
  const f = w.folios[e.folio];
  if (!f || !old.src) return false;
  if (f === old.src) return true;
  return (
    f.huge &&
    old.src.huge &&
    f.id === old.src.id &&
    f.index === old.src.index &&
    hugeValue(f, i) === old.value
  );
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
    out[i] = old?.label === v.label && old.value === v.value ? old : v;
  }
  return out;
}

/** The inspector's line for slot i: its folio's holders, grouped. */
export function holdersAt(w: World, i: number): string {
  const e = w.slots[i];
  const f = e?.t === 'folio' ? w.folios[e.folio] : undefined;
  return f ? holdersSummary(f) : '';
}
