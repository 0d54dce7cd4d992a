// Text fields of format B (the kernel, slot and thread strings, the compare kernel) in a restricted
// alphabet of about 7 bits a symbol (a symbol is a known word such as "collapse" or one character), with
// repeats folded: "PPPP...P" (512 slots) or eight copies of "mincore," cost a few bytes. Any character outside the alphabet still fits (as its code point), so the
// setup notation can grow new syntax without a new link format: the decoder only returns the text, and
// the setup parser judges it.

import type { BitReader, BitWriter } from './bitStream.ts';

const END = 0;
const RUN = 1;
const RAW = 2;
// Frozen: format B links must decode forever. Whole words first (the kernels and actors of today, one
// symbol each), then single characters, the most frequent first (the truncated binary code gives the
// first symbols one bit less). A word or character not listed is still spelled out, so new actors and
// kernels need no new format.
const WORDS = [
  'v6.3',
  'v6.4',
  'v6.3+p1',
  'v6.3+p2',
  'v6.3+p3',
  'v6.4-rc1',
  'v6.7',
  'v5-nak',
  'collapse',
  'seek_data',
  'seek_hole',
  'mincore',
  'read',
  'write',
  'fault',
  'fallocate',
  'punch',
  'truncate',
  'gup_fast',
  'pin',
  'uffd_register',
  'swapout',
  'lru_drain',
  'memcg_move',
  '|uffd',
];
const CHARS = [...'0123456789,:.PMFSH^~|abcdefghijklmnopqrstuvwxyz_-+=/ABCDEGIJKLNOQRTUVWXYZ'];
const SYMBOLS: readonly string[] = [...WORDS, ...CHARS];
const FIRST = 3;
const RADIX = SYMBOLS.length + FIRST;
/** The longest repeated unit (in symbols: "mincore," is 2) and the most copies of it one RUN adds. */
const MAX_UNIT = 32;
/** Every text field is at most this long once expanded (a 512-slot string with `^~` on each is 1,536). */
export const MAX_TEXT_CHARS = 4096;
const RAW_RADIX = 0x110000;
const WORDS_LONGEST_FIRST = [...WORDS].sort((a, b) => b.length - a.length);

/** The text as symbols: a listed word where one starts, else one character (a code point). */
function symbolsOf(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const word = WORDS_LONGEST_FIRST.find((wd) => text.startsWith(wd, i));
    const piece = word ?? String.fromCodePoint(text.codePointAt(i) ?? 0);
    out.push(piece);
    i += piece.length;
  }
  return out;
}

function putSymbol(w: BitWriter, piece: string): void {
  const i = SYMBOLS.indexOf(piece);
  if (i >= 0) return w.put(i + FIRST, RADIX);
  w.put(RAW, RADIX);
  w.put(piece.codePointAt(0) ?? 0, RAW_RADIX);
}

/** The longest run at `i`: the unit length and how many copies follow the first one. */
function runAt(syms: readonly string[], i: number): { unit: number; extra: number } {
  let best = { unit: 0, extra: 0 };
  for (let unit = 1; unit <= MAX_UNIT && i + 2 * unit <= syms.length; unit++) {
    let extra = 0;
    const same = (copy: number) => {
      for (let k = 0; k < unit; k++) if (syms[i + copy * unit + k] !== syms[i + k]) return false;
      return true;
    };
    while (extra + 1 < MAX_TEXT_CHARS && i + (extra + 2) * unit <= syms.length && same(extra + 1)) extra++;
    if (extra * unit > best.extra * best.unit) best = { unit, extra };
  }
  // A RUN symbol costs about 24 bits: worth it from about four repeated symbols on.
  return best.extra * best.unit >= 4 ? best : { unit: 0, extra: 0 };
}

export function putText(w: BitWriter, text: string): void {
  if (text.length > MAX_TEXT_CHARS)
    throw new RangeError(`a text field of ${text.length} characters, more than ${MAX_TEXT_CHARS}`);
  const syms = symbolsOf(text);
  let i = 0;
  while (i < syms.length) {
    const { unit, extra } = runAt(syms, i);
    if (unit === 0) {
      putSymbol(w, syms[i] ?? '');
      i++;
      continue;
    }
    for (let k = 0; k < unit; k++) putSymbol(w, syms[i + k] ?? '');
    w.put(RUN, RADIX);
    w.put(unit - 1, MAX_UNIT);
    w.put(extra - 1, MAX_TEXT_CHARS);
    i += unit * (extra + 1);
  }
  w.put(END, RADIX);
}

export type TextRead =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: string };

/** Reads one text field; bounded by MAX_TEXT_CHARS characters whatever the bits say. */
export function takeText(r: BitReader, field: string): TextRead {
  const out: string[] = [];
  let length = 0;
  const tooLong = (): TextRead => ({
    ok: false,
    error: `the link's ${field} is longer than ${MAX_TEXT_CHARS} characters`,
  });
  for (;;) {
    if (r.overrun) return { ok: false, error: `the link ends inside its ${field}` };
    const sym = r.take(RADIX);
    if (sym === END) return { ok: true, text: out.join('') };
    if (sym === RUN) {
      const unit = r.take(MAX_UNIT) + 1;
      const extra = r.take(MAX_TEXT_CHARS) + 1;
      if (unit > out.length)
        return { ok: false, error: `the link's ${field} repeats more symbols than it holds` };
      const piece = out.slice(out.length - unit);
      const pieceLength = piece.reduce((n, p) => n + p.length, 0);
      if (length + pieceLength * extra > MAX_TEXT_CHARS) return tooLong();
      for (let k = 0; k < extra; k++) out.push(...piece);
      length += pieceLength * extra;
      continue;
    }
    let piece: string;
    if (sym === RAW) {
      const cp = r.take(RAW_RADIX);
      if (cp >= 0xd800 && cp <= 0xdfff)
        return { ok: false, error: `the link's ${field} holds a lone surrogate (U+${cp.toString(16)})` };
      piece = String.fromCodePoint(cp);
    } else piece = SYMBOLS[sym - FIRST] ?? '';
    if (length + piece.length > MAX_TEXT_CHARS) return tooLong();
    out.push(piece);
    length += piece.length;
  }
}
