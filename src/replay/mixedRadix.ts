// Mixed-radix packing: a sequence of digits, each with its own radix, packed into one big integer, so
// a field costs exactly log2(radix) bits. The radix of a digit may depend on the digits before it
// (the decoder learns it as it goes), which is how a schedule stores only the real choices.

export class RadixWriter {
  private value = 0n;
  private scale = 1n;

  /** Appends digit d (0 <= d < radix). */
  put(d: number, radix: number): void {
    if (!Number.isInteger(d) || d < 0 || d >= radix) throw new RangeError(`digit ${d} out of radix ${radix}`);
    if (radix === 1) return;
    this.value += BigInt(d) * this.scale;
    this.scale *= BigInt(radix);
  }

  /** The packed value as big-endian bytes (no leading zero bytes). */
  bytes(): Uint8Array {
    const out: number[] = [];
    for (let v = this.value; v > 0n; v >>= 8n) out.push(Number(v & 0xffn));
    return Uint8Array.from(out.reverse());
  }
}

export class RadixReader {
  private value: bigint;

  constructor(bytes: Uint8Array) {
    let v = 0n;
    for (const b of bytes) v = (v << 8n) | BigInt(b);
    this.value = v;
  }

  take(radix: number): number {
    if (radix === 1) return 0;
    const r = BigInt(radix);
    const d = Number(this.value % r);
    this.value /= r;
    return d;
  }

  /** True when every digit has been read (no trailing data). */
  get exhausted(): boolean {
    return this.value === 0n;
  }
}
