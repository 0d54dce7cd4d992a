// A 32-bit hash of a state's words. Linear probing needs every output bit to depend on every input
// bit (states differ in a few low bits), so each word is multiplied in and the result gets murmur3's
// finaliser.

export function hashWords(words: Uint32Array, at: number, count: number): number {
  let h = 0x9e3779b9;
  for (let k = 0; k < count; k++) {
    h = Math.imul(h ^ (words[at + k] as number), 0x85ebca6b);
    h ^= h >>> 13;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}
