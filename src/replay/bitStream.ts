// A bit stream for format B. Each field is a digit with a known radix, written in the truncated binary
// code of that radix: floor(log2 r) or one more bit, prefix-free, so a digit of radix 1 costs nothing
// and a digit costs at most 0.09 bits more on average than the exact mixed-radix packing of format A.
// Unlike one big integer (format A), reading and writing cost O(1) per digit, which keeps a
// 100,000-step schedule linear to encode and decode.

export class BitWriter {
  private readonly bytes: number[] = [];
  private acc = 0;
  private used = 0;

  private bit(b: number): void {
    this.acc = (this.acc << 1) | b;
    if (++this.used === 8) {
      this.bytes.push(this.acc);
      this.acc = 0;
      this.used = 0;
    }
  }

  private bits(value: number, width: number): void {
    for (let k = width - 1; k >= 0; k--) this.bit(Math.floor(value / 2 ** k) % 2);
  }

  /** Appends digit d (0 <= d < radix). */
  put(d: number, radix: number): void {
    if (!Number.isInteger(radix) || radix < 1 || radix > 2 ** 31)
      throw new RangeError(`radix ${radix} out of range`);
    if (!Number.isInteger(d) || d < 0 || d >= radix) throw new RangeError(`digit ${d} out of radix ${radix}`);
    if (radix === 1) return;
    const k = Math.floor(Math.log2(radix));
    const short = 2 ** (k + 1) - radix; // how many digits get the k-bit code
    if (d < short) this.bits(d, k);
    else this.bits(d + short, k + 1);
  }

  /** A number >= 1 of no fixed bound (Elias gamma: 2 floor(log2 v) + 1 bits). */
  putCount(v: number): void {
    if (!Number.isSafeInteger(v) || v < 1) throw new RangeError(`count ${v} is not a positive integer`);
    const n = Math.floor(Math.log2(v));
    for (let k = 0; k < n; k++) this.bit(0);
    this.bits(v, n + 1);
  }

  /** The stream, zero-padded to whole bytes. */
  finish(): Uint8Array {
    const out = [...this.bytes];
    if (this.used > 0) out.push(this.acc << (8 - this.used));
    return Uint8Array.from(out);
  }
}

export class BitReader {
  private pos = 0;
  /** True once a read went past the end (the digits read since are zeros and must not be trusted). */
  overrun = false;

  constructor(private readonly data: Uint8Array) {}

  private bit(): number {
    const byte = this.data[this.pos >> 3];
    if (byte === undefined) {
      this.overrun = true;
      this.pos++;
      return 0;
    }
    const b = (byte >> (7 - (this.pos & 7))) & 1;
    this.pos++;
    return b;
  }

  private bits(width: number): number {
    let v = 0;
    for (let k = 0; k < width; k++) v = v * 2 + this.bit();
    return v;
  }

  take(radix: number): number {
    if (radix <= 1) return 0;
    const k = Math.floor(Math.log2(radix));
    const short = 2 ** (k + 1) - radix;
    const v = this.bits(k);
    if (v < short) return v;
    return v * 2 + this.bit() - short;
  }

  /** Reads a count written by putCount, or null when it would exceed `max`. */
  takeCount(max: number): number | null {
    let n = 0;
    while (this.bit() === 0) {
      if (this.overrun || ++n > 52) return null;
    }
    const v = 2 ** n + this.bits(n);
    return v > max ? null : v;
  }

  /** True when only zero padding (fewer than 8 bits) is left. */
  get atEnd(): boolean {
    const total = this.data.length * 8;
    if (this.overrun || total - this.pos >= 8) return false;
    for (let p = this.pos; p < total; p++) if (this.bit() !== 0) return false;
    return true;
  }
}
