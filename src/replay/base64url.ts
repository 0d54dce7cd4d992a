// URL-safe base64 without padding (RFC 4648 §5), strict: any other character is an error.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let k = 0; k < chars; k++) out += ALPHABET[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** The bytes, or the 0-based position of the first character that is not URL-safe base64. */
export function fromBase64Url(s: string): { ok: true; bytes: Uint8Array } | { ok: false; position: number } {
  if (s.length % 4 === 1) return { ok: false, position: s.length - 1 };
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ALPHABET.indexOf(s[i] ?? '');
    if (v < 0) return { ok: false, position: i };
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
      acc &= (1 << bits) - 1;
    }
  }
  return { ok: true, bytes: Uint8Array.from(out) };
}
