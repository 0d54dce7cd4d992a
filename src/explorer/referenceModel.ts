// The benchmark's reference model (/work/shared/bench/reference-model.pml) as a Model, transition for
// transition: a collapser locking, copying, storing and unlocking N slots; a truncator clearing a tail
// under the page lock; a lock-free reader. Every Promela variable is mirrored (including the write-only
// seen[] and ri, which `spin -a -o2` keeps), so the state space is exactly SPIN's. Arrays are bitmasks
// (st uses 2 bits per slot); all fields are bit-packed with layoutFields: 2 words for N <= 8, 4 for 16.

import type { Model } from './model.ts';
import { bitsFor, layoutFields } from './bitLayout.ts';

// Program counters, as the #defines in the .pml.
const C_LOCK = 0;
const C_SWAP = 1;
const C_UNLOCK = 2;
const C_ABORT = 3;
const C_DONE = 4;
const T_CHOOSE = 0;
const T_LOCK = 1;
const T_CLEAR = 2;
const T_DONE = 3;

// Field numbers in the layout.
const ST = 0;
const LK = 1;
const CP = 2;
const SEEN = 3;
const CPC = 4;
const CI = 5;
const TPC = 6;
const TK = 7;
const TI = 8;
const RI = 9;

/** Choices are the model's do-options in source order, so a schedule reads like a SPIN trail. */
export const REFERENCE_CHOICES = [
  'collapser: lock and copy slot',
  'collapser: store huge page into slot',
  'collapser: unlock slot',
  'collapser: abort, unlock slot',
  'truncator: extend truncated tail',
  'truncator: start truncating',
  'truncator: lock slot',
  'truncator: clear and unlock slot',
  'reader: read slot',
] as const;

export const NO_RESURRECTION = 0;
export const HOLES_ONLY_IN_TAIL = 1;

export interface ReferenceOptions {
  /** Slots, 2..16 (the .pml's N). */
  readonly n: number;
  /** The .pml's -DBUG variant: the collapser drops each page lock right after copying. */
  readonly bug?: boolean;
}

/** The Promela variables of one state, for tests and display. */
export interface ReferenceState {
  readonly st: number[];
  readonly lk: number[];
  readonly cp: number[];
  readonly seen: number[];
  readonly cpc: number;
  readonly ci: number;
  readonly tpc: number;
  readonly tk: number;
  readonly ti: number;
  readonly ri: number;
}

export class ReferenceModel implements Model {
  readonly name: string;
  readonly stateWords: number;
  readonly maxSuccessors = 4; // collapser 1 + truncator 2 (in T_CHOOSE) + reader 1
  readonly invariantNames = ['no resurrection of a truncated slot', 'holes only in the truncated tail'];
  private readonly n: number;
  private readonly bug: boolean;
  // [word, shift, mask] per field, flat, for cheap indexed access in the hot path.
  private readonly layout: Int32Array;

  constructor(options: ReferenceOptions) {
    const n = options.n;
    if (!Number.isInteger(n) || n < 2 || n > 16) throw new RangeError(`N must be 2..16, got ${n}`);
    this.n = n;
    this.bug = options.bug === true;
    this.name = `reference N=${n}${this.bug ? ' BUG' : ''}`;
    const slot = bitsFor(n - 1);
    const { words, fields } = layoutFields([2 * n, n, n, n, 3, slot, 2, slot, slot, bitsFor(n)]);
    this.stateWords = words;
    this.layout = Int32Array.from(fields.flatMap((f) => [f.word, f.shift, f.mask]));
  }

  init(out: Uint32Array): void {
    let st = 0;
    for (let i = 0; i < this.n; i++) st |= 1 << (2 * i); // byte st[N] = 1
    this.pack(out, 0, st, 0, 0, 0, C_LOCK, 0, T_CHOOSE, 0, 0, 0);
  }

  successors(s: Uint32Array, at: number, out: Uint32Array, choices: Uint8Array): number {
    const L = this.layout;
    const n = this.n;
    const st = get(s, at, L, ST);
    const lk = get(s, at, L, LK);
    const cp = get(s, at, L, CP);
    const seen = get(s, at, L, SEEN);
    const cpc = get(s, at, L, CPC);
    const ci = get(s, at, L, CI);
    const tpc = get(s, at, L, TPC);
    const tk = get(s, at, L, TK);
    const ti = get(s, at, L, TI);
    const ri = get(s, at, L, RI);
    const w = this.stateWords;
    let count = 0;

    // collapser: the pcs make at most one of its four options enabled
    const cbit = 1 << ci;
    if (cpc === C_LOCK) {
      if ((lk & cbit) === 0) {
        if (((st >>> (2 * ci)) & 3) === 0) {
          this.pack(out, count * w, st, lk | cbit, cp, seen, C_ABORT, ci, tpc, tk, ti, ri);
        } else {
          const nlk = this.bug ? lk : lk | cbit;
          const next = ci + 1;
          const done = next === n;
          this.pack(
            out,
            count * w,
            st,
            nlk,
            cp | cbit,
            seen,
            done ? C_SWAP : C_LOCK,
            done ? 0 : next,
            tpc,
            tk,
            ti,
            ri,
          );
        }
        choices[count++] = 0;
      }
    } else if (cpc === C_SWAP) {
      const nst = (st & ~(3 << (2 * ci))) | (((cp >>> ci) & 1) << (2 * ci + 1)); // st[ci] = 2 * cp[ci]
      const next = ci + 1;
      const ncpc = next === n ? (this.bug ? C_DONE : C_UNLOCK) : C_SWAP;
      this.pack(out, count * w, nst, lk, cp, seen, ncpc, next === n ? 0 : next, tpc, tk, ti, ri);
      choices[count++] = 1;
    } else if (cpc === C_UNLOCK) {
      const next = ci + 1;
      const done = next === n;
      this.pack(
        out,
        count * w,
        st,
        lk & ~cbit,
        cp,
        seen,
        done ? C_DONE : C_UNLOCK,
        done ? 0 : next,
        tpc,
        tk,
        ti,
        ri,
      );
      choices[count++] = 2;
    } else if (cpc === C_ABORT) {
      const ncpc = this.bug || ci === 0 ? C_DONE : C_ABORT;
      const nci = this.bug ? 0 : ci === 0 ? 0 : ci - 1;
      this.pack(out, count * w, st, lk & ~cbit, cp, seen, ncpc, nci, tpc, tk, ti, ri);
      choices[count++] = 3;
    }

    // truncator
    if (tpc === T_CHOOSE) {
      if (tk < n - 1) {
        this.pack(out, count * w, st, lk, cp, seen, cpc, ci, tpc, tk + 1, ti, ri);
        choices[count++] = 4;
      }
      this.pack(out, count * w, st, lk, cp, seen, cpc, ci, T_LOCK, tk, tk, ri);
      choices[count++] = 5;
    } else if (tpc === T_LOCK) {
      if ((lk & (1 << ti)) === 0) {
        this.pack(out, count * w, st, lk | (1 << ti), cp, seen, cpc, ci, T_CLEAR, tk, ti, ri);
        choices[count++] = 6;
      }
    } else if (tpc === T_CLEAR) {
      const next = ti + 1;
      const done = next === n;
      const nst = st & ~(3 << (2 * ti));
      this.pack(
        out,
        count * w,
        nst,
        lk & ~(1 << ti),
        cp,
        seen,
        cpc,
        ci,
        done ? T_DONE : T_LOCK,
        tk,
        done ? 0 : next,
        ri,
      );
      choices[count++] = 7;
    }

    // reader
    if (ri < n) {
      const data = ((st >>> (2 * ri)) & 3) !== 0 ? 1 << ri : 0;
      this.pack(out, count * w, st, lk, cp, (seen & ~(1 << ri)) | data, cpc, ci, tpc, tk, ti, ri + 1);
      choices[count++] = 8;
    }
    return count;
  }

  // The two assertions, as predicates on the state where the asserting step is enabled.
  check(s: Uint32Array, at: number): number {
    const L = this.layout;
    const st = get(s, at, L, ST);
    if (get(s, at, L, CPC) === C_SWAP) {
      const ci = get(s, at, L, CI);
      if (((st >>> (2 * ci)) & 3) === 0 && ((get(s, at, L, CP) >>> ci) & 1) === 1) return NO_RESURRECTION;
    }
    const ri = get(s, at, L, RI);
    if (ri < this.n && ((st >>> (2 * ri)) & 3) === 0) {
      if (!(get(s, at, L, TPC) !== T_CHOOSE && ri >= get(s, at, L, TK))) return HOLES_ONLY_IN_TAIL;
    }
    return -1;
  }

  // Every process loops at an `end:` label, so SPIN accepts every state without successors.
  isDeadlock(): boolean {
    return false;
  }

  decode(s: Uint32Array, at = 0): ReferenceState {
    const L = this.layout;
    const bits = (field: number, width: number): number[] =>
      Array.from({ length: this.n }, (_, i) => (get(s, at, L, field) >>> (width * i)) & ((1 << width) - 1));
    return {
      st: bits(ST, 2),
      lk: bits(LK, 1),
      cp: bits(CP, 1),
      seen: bits(SEEN, 1),
      cpc: get(s, at, L, CPC),
      ci: get(s, at, L, CI),
      tpc: get(s, at, L, TPC),
      tk: get(s, at, L, TK),
      ti: get(s, at, L, TI),
      ri: get(s, at, L, RI),
    };
  }

  private pack(
    out: Uint32Array,
    o: number,
    st: number,
    lk: number,
    cp: number,
    seen: number,
    cpc: number,
    ci: number,
    tpc: number,
    tk: number,
    ti: number,
    ri: number,
  ): void {
    const L = this.layout;
    for (let k = 0; k < this.stateWords; k++) out[o + k] = 0;
    put(out, o, L, ST, st);
    put(out, o, L, LK, lk);
    put(out, o, L, CP, cp);
    put(out, o, L, SEEN, seen);
    put(out, o, L, CPC, cpc);
    put(out, o, L, CI, ci);
    put(out, o, L, TPC, tpc);
    put(out, o, L, TK, tk);
    put(out, o, L, TI, ti);
    put(out, o, L, RI, ri);
  }
}

function get(s: Uint32Array, at: number, L: Int32Array, f: number): number {
  return ((s[at + (L[3 * f] as number)] as number) >>> (L[3 * f + 1] as number)) & (L[3 * f + 2] as number);
}

function put(out: Uint32Array, o: number, L: Int32Array, f: number, v: number): void {
  out[o + (L[3 * f] as number)] = (out[o + (L[3 * f] as number)] as number) | (v << (L[3 * f + 1] as number));
}

export function createReferenceModel(options: ReferenceOptions): ReferenceModel {
  return new ReferenceModel(options);
}
