// Hostile terminals (issue #15, failures 4 and 5): whatever the arguments hold, what the command line
// prints carries no control or bidi character, quotes input cut to 80 characters, keeps Node's hints and
// blames the right source.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { isSafe, quoteInput } from '../engine/quote.ts';
import { cli } from './cliHarness.ts';
import { parserMessage } from './escape.ts';

const SETUP = ['--kernel', 'v6.4', '--slots', 'PP', '--threads', 'collapse'];

/** Any UTF-16 string: controls, bidi characters, lone surrogates and all. */
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 40 }),
  fc.constantFrom('\u001b]0;pwned\u0007', '\u202e', '\u2066', '\u0085', '\u007f', 'a\nb', '\r', '\u0000'),
);

function expectClean(text: string): void {
  for (const line of text.split('\n'))
    if (!isSafe(line)) throw new Error(`unsafe output: ${JSON.stringify(line)}`);
}

afterEach(() => {
  delete process.env['COLLAPSE_LAB_BASE_URL'];
});

describe('what the command line echoes', () => {
  it('comes out free of control and bidi characters, wherever the input goes', async () => {
    const where = fc.constantFrom(
      (x: string) => [x],
      (x: string) => ['run', x],
      (x: string) => ['run', `--${x}`],
      (x: string) => ['run', `--${x}=1`],
      (x: string) => ['check', ...SETUP, '--max-states', x],
      (x: string) => ['check', ...SETUP, '--time-limit', x],
      (x: string) => ['run', '--kernel', x, '--slots', 'PP', '--threads', 'collapse'],
      (x: string) => ['run', '--kernel', 'v6.4', '--slots', x, '--threads', 'collapse'],
      (x: string) => ['run', '--kernel', 'v6.4', '--slots', 'PP', '--threads', x],
      (x: string) => ['run', ...SETUP, '--schedule', x],
      (x: string) => ['run', '--url', x],
      (x: string) => ['run', '--url', `#r=A${x}`],
      (x: string) => ['run', '--url', `#r=B${x}`],
      (x: string) => ['run', ...SETUP, '--base-url', x],
      (x: string) => ['run', ...SETUP, '--base-url', `http://h/${x}`],
    );
    await fc.assert(
      fc.asyncProperty(where, hostile, async (place, x) => {
        const r = await cli(...place(x));
        expectClean(r.out);
        expectClean(r.err);
      }),
      { numRuns: 1500, seed: 15 },
    );
  }, 120_000);

  it('an OSC title sequence in a flag name is escaped', async () => {
    const r = await cli('run', '--\u001b]0;pwned\u0007');
    expect(r.code).toBe(2);
    expect(r.err).toBe('collapse-lab run: unknown flag "--\\x1b]0;pwned\\x07"\n');
  });

  it('DEL, U+0085 and the bidi overrides U+202E and U+2066 are escaped in quoted input', async () => {
    const r = await cli(
      'run',
      '--kernel',
      'v\u007f\u0085\u202e\u2066',
      '--slots',
      'P',
      '--threads',
      'collapse',
    );
    expect(r.err).toMatch(/unknown kernel "v\\x7f\\x85\\u202e\\u2066"/);
  });

  it('long input is cut to 80 characters with its length said', async () => {
    const r = await cli('run', '--kernel', 'k'.repeat(10_000), '--slots', 'P', '--threads', 'collapse');
    expect(r.err).toContain(`"${'k'.repeat(80)}..." (10000 characters)`);
    expect(r.err.length).toBeLessThan(300);
    expect(quoteInput('ab"\\')).toBe('"ab\\"\\\\"');
  });

  it("Node's parser hint is kept whole, on one line", async () => {
    const r = await cli('run', '--url', '-XYZ');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain("use '--url=-XYZ'");
  });

  it('an argument with a newline does not cut the message', async () => {
    const r = await cli('run', '--a\nb');
    expect(r.err).toBe('collapse-lab run: unknown flag "--a\\x0ab"\n');
    expect(parserMessage("Unknown option '--a\nb'. Use it\nwell", ['--a\nb'])).toBe(
      'Unknown option "--a\\x0ab". Use it well',
    );
  });

  it('a bad COLLAPSE_LAB_BASE_URL is blamed on the environment variable, a bad --base-url on the flag', async () => {
    process.env['COLLAPSE_LAB_BASE_URL'] = 'ftp://x';
    const env = await cli('run', ...SETUP);
    expect(env.code).toBe(2);
    expect(env.err).toMatch(/the environment variable COLLAPSE_LAB_BASE_URL must be .* not "ftp:\/\/x"/);
    const flag = await cli('run', ...SETUP, '--base-url', 'ftp://y');
    expect(flag.err).toMatch(/--base-url must be .* not "ftp:\/\/y"/);
  });
});
