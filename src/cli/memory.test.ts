// Memory (issue #15, failure 9): the report says what the search holds and what the process grew by, and
// --max-memory stops the search with a clear message before the process is in danger.
import { describe, expect, it } from 'vitest';
import { parseSetup } from '../engine/index.ts';
import { checkSetup } from '../explorer/index.ts';
import { cli } from './cliHarness.ts';
import { parseMemory, pollingMemory, RSS_EVERY_MS } from './memory.ts';

const SETUP = ['--kernel', 'v6.3', '--slots', 'PPPP', '--threads', 'collapse,seek_data:0'];

describe('memory', () => {
  it('the report lists the tables and what the process grew by', async () => {
    const r = await cli('check', ...SETUP);
    expect(r.out).toMatch(
      /^memory: visited set \d+\.\d MB, encodings \d+\.\d MB, index arrays \d+\.\d MB; the process grew by \d+\.\d MB \(\d+ bytes\/state, with the worlds of the 0 states still queued\)$/m,
    );
    const j = JSON.parse((await cli('check', ...SETUP, '--json')).out) as { memory: Record<string, unknown> };
    expect(Object.keys(j.memory)).toEqual([
      'visitedSet',
      'encodings',
      'indexArrays',
      'queuedWorlds',
      'measured',
    ]);
  });

  it('--max-memory stops the search incomplete with the limit named (exit 3)', async () => {
    const r = await cli('check', ...SETUP, '--max-memory', '1M');
    expect(r.code).toBe(3);
    expect(r.out).toMatch(/not complete \(memory limit of 1 MB reached\)/);
  });

  it('stops when the injected measure reaches the limit, and counts what is queued', () => {
    const p = parseSetup('v6.3', 'PPPPPP', 'collapse,seek_data:0,mincore');
    if (!p.ok) throw new Error(p.error.message);
    let used = 0;
    let t = 0;
    const r = checkSetup(p.value, {
      now: () => t++,
      memoryUsed: () => (used += 1000),
      maxMemoryBytes: 200_000,
    });
    expect(r.reason).toBe('maxMemory');
    expect(r.memory.queuedWorlds).toBeGreaterThan(0);
    expect(r.memory.measured).toBeGreaterThan(0);
    expect(r.bytesPerState * r.states).toBeCloseTo(
      r.memory.visitedSet + r.memory.encodings + r.memory.indexArrays,
    );
  });

  it('the polls read the resident set every RSS_EVERY_MS, and every time near the limit', () => {
    let t = 0;
    let rss = 100;
    let reads = 0;
    const poll = pollingMemory(
      1000,
      () => t,
      () => (reads++, rss),
    );
    expect(poll()).toBe(100);
    rss = 850;
    t = RSS_EVERY_MS - 1;
    expect([poll(), reads]).toEqual([100, 1]); // far below the limit: the last reading stands
    t = RSS_EVERY_MS;
    expect([poll(), reads]).toEqual([850, 2]);
    rss = 950;
    t += 1;
    expect([poll(), reads]).toEqual([850, 2]);
    t += RSS_EVERY_MS;
    expect([poll(), reads]).toEqual([950, 3]); // within 10% of the limit: every poll reads
    rss = 1000;
    expect([poll(), reads]).toEqual([1000, 4]);
  });

  it.each([
    ['512M', 512 * 2 ** 20],
    ['2G', 2 * 2 ** 30],
    ['1500', 1500 * 2 ** 20],
    ['1.5GiB', 1.5 * 2 ** 30],
  ])('--max-memory %s', (s, bytes) => expect(parseMemory(s)).toBe(bytes));

  it.each(['lots', '0', '12K', '1T', '\u001b[2J'])('--max-memory %j is refused by name', async (s) => {
    const r = await cli('check', ...SETUP, '--max-memory', s);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--max-memory must be a size of at least 1M, such as 512M or 2G, not "/);
    expect(r.err).not.toContain('\u001b');
  });
});
