// The hand-written reproducers in this folder compile warning-free and run their control (no collapse),
// which must find nothing: gcc is required, as for the golden ones (compile.test.ts).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const source = fileURLToPath(new URL('./truncate-eof.c', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'collapse-lab-manual-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('truncate-eof.c (the I13 truncate finding on a real kernel)', () => {
  it('compiles with -Werror and its control finds no old data past the cut', async () => {
    const binary = join(work, 'truncate-eof');
    const cc = await run('gcc', ['-O2', '-Wall', '-Wextra', '-Werror', '-pthread', '-o', binary, source]);
    expect(cc.stderr).toBe('');
    const r = await run(binary, ['-n', '-t', '0.5'], { timeout: 60_000 });
    const m = /result mode=control .*rounds=(\d+) collapses=0 .*anomalies=(\d+)/.exec(r.stdout);
    expect(m).not.toBeNull();
    expect(Number(m?.[1])).toBeGreaterThan(0);
    expect(m?.[2]).toBe('0');
  });
});
