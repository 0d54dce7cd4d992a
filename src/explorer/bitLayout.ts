// Packs named bit fields into as few 32-bit words as a first-fit allows, never splitting a field
// across words (so reading one is a shift and a mask). Models use it to lay out their state words.

export interface BitField {
  readonly word: number;
  readonly shift: number;
  /** (1 << width) - 1, as an int32 (-1 for a full 32-bit field). */
  readonly mask: number;
}

export interface BitLayout {
  readonly words: number;
  readonly fields: readonly BitField[];
}

/** Bits needed to hold every integer in 0..max. */
export function bitsFor(max: number): number {
  return max <= 0 ? 0 : 32 - Math.clz32(max);
}

export function layoutFields(widths: readonly number[]): BitLayout {
  const used: number[] = [];
  const fields = widths.map((width): BitField => {
    if (!Number.isInteger(width) || width < 0 || width > 32) throw new RangeError(`bad field width ${width}`);
    let word = used.findIndex((bits) => bits + width <= 32);
    if (word < 0) word = used.push(0) - 1;
    const shift = used[word] as number;
    used[word] = shift + width;
    return { word, shift, mask: width === 32 ? -1 : (1 << width) - 1 };
  });
  return { words: Math.max(1, used.length), fields };
}
