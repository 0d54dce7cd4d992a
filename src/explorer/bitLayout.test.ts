import { describe, expect, it } from 'vitest';
import { bitsFor, layoutFields } from './bitLayout.ts';

describe('layoutFields', () => {
  it('fills words first-fit without splitting fields', () => {
    const { words, fields } = layoutFields([20, 20, 12, 32]);
    expect(words).toBe(3);
    expect(fields.map((f) => [f.word, f.shift])).toEqual([
      [0, 0],
      [1, 0],
      [0, 20],
      [2, 0],
    ]);
    expect(fields[3]?.mask).toBe(-1);
    expect(fields[2]?.mask).toBe(0xfff);
  });

  it('sizes counters', () => {
    expect([0, 1, 2, 3, 15, 16].map(bitsFor)).toEqual([0, 1, 2, 2, 4, 5]);
  });
});
