// The explorer is imported by the pure engine and by Web Workers: its sources must not use host
// clocks, timers, randomness or Node modules (tests and this check are exempt).

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('.', import.meta.url);
// Recursive: the kernel model's sources (kernel/) are imported by the worker too.
const sources = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
  (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
);
const banned = [
  /\bDate\.now\b/,
  /\bnew Date\b/,
  /\bperformance\./,
  /\bsetTimeout\b/,
  /\bsetInterval\b/,
  /\bMath\.random\b/,
  /from 'node:/,
  /\bprocess\./,
];

describe('explorer sources are host-neutral', () => {
  it.each(sources)('%s', (file) => {
    const text = readFileSync(new URL(file, dir), 'utf8')
      .split('\n')
      .filter((line) => !/^\s*(\/\/|\/\*|\*)/.test(line))
      .join('\n');
    for (const pattern of banned) expect(text).not.toMatch(pattern);
  });
});
