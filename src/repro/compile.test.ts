// Every golden reproducer compiles warning-free and runs its control: gcc is required (.ci/run installs
// it). The control never collapses, so it needs neither MADV_COLLAPSE nor shmem huge pages.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const golden = fileURLToPath(new URL('./golden/', import.meta.url));
const sources = readdirSync(golden).filter((f) => f.endsWith('.c'));
const work = mkdtempSync(join(tmpdir(), 'collapse-lab-repro-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function exec(file: string, args: readonly string[]): Promise<Outcome> {
  try {
    const r = await run(file, args, { timeout: 120_000 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof x.code === 'number' ? x.code : -1, stdout: x.stdout ?? '', stderr: x.stderr ?? '' };
  }
}

async function build(source: string): Promise<string> {
  const binary = join(work, source.replace(/\.c$/, ''));
  const r = await exec('gcc', [
    '-O2',
    '-Wall',
    '-Wextra',
    '-Werror',
    '-pthread',
    '-o',
    binary,
    join(golden, source),
  ]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return binary;
}

describe('the golden C reproducers', () => {
  it('exist for the userspace-visible races', () => {
    expect(sources.sort()).toEqual([
      'mincore.c',
      'seek-data.c',
      'seek-hole.c',
      'truncate-huge.c',
      'xarray-seek-hole.c',
    ]);
  });

  it.concurrent.each(sources)(
    '%s compiles with -Wall -Wextra -Werror and its control (-n -t 2) exits 0 with its result lines',
    async (source) => {
      const binary = await build(source);
      const r = await exec(binary, ['-n', '-t', '2']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const lines = r.stdout.trim().split('\n');
      expect(lines.every((l) => l.startsWith('result '))).toBe(true);
      expect(r.stdout).toMatch(/^result mode=control seconds=2 readers=1 /m);
      expect(r.stdout).toMatch(/^result rounds=[1-9]\d* collapses=0 collapse_failures=0$/m);
      if (source === 'truncate-huge.c')
        expect(r.stdout).toMatch(/^result truncate to_page=128 truncations=[1-9]\d* during_collapse=\d+$/m);
      else
        expect(r.stdout).toMatch(
          /^result check=(seek_data|seek_hole):0 reader=0 samples=[1-9]\d* discarded=\d+ anomalies=0$|^result check=mincore reader=0 samples=[1-9]\d* discarded=\d+ anomalies=0$/m,
        );
      // The control collapses nothing, so it has nothing to verify.
      expect(r.stdout).not.toMatch(/^result verify /m);
      expect(r.stdout).toMatch(/^result check=data samples=[1-9]\d* anomalies=0$/m);
      expect(r.stdout).toMatch(/^result anomalies=0$/m);
      expect(r.stdout).toMatch(/^result link=(https:\/\/collapse-lab\.example\/#r=\S+|none)$/m);
      // Bad options are usage errors (exit 2); -h is help (exit 0).
      expect((await exec(binary, ['-t', 'x'])).code).toBe(2);
      expect((await exec(binary, ['extra'])).code).toBe(2);
      expect(await exec(binary, ['-h'])).toMatchObject({
        code: 0,
        stdout: expect.stringMatching(/^usage: /),
      });
      // -f wants a new file on a tmpfs: an existing one is refused, one elsewhere too.
      const existing = await exec(binary, ['-n', '-t', '1', '-f', golden]);
      expect(existing.code).toBe(2);
    },
    150_000,
  );

  // On a kernel with MADV_COLLAPSE (exit 2 says it has none), one second of the node-boundary reproducer
  // proves its rounds collapse for real: split before each collapse, one huge folio after it.
  it('xarray-seek-hole.c verifies every collapse it counts, where the kernel can collapse', async () => {
    const binary = await build('xarray-seek-hole.c');
    const r = await exec(binary, ['-t', '1']);
    if (r.code === 2) {
      expect(r.stderr).toMatch(/^repro: this kernel has no|^repro: shmem huge pages are disabled/);
      return;
    }
    expect(r.stderr).toBe('');
    const m =
      /^result verify method=(\w+) collapses=(\d+) huge_after=(\d+)(?: split_checked=(\d+) split_before=(\d+))?$/m.exec(
        r.stdout,
      );
    expect(m).not.toBeNull();
    const [, method, collapses, hugeAfter, checked, splitBefore] = m ?? [];
    expect(method).toMatch(/^(kpageflags|smaps|none)$/);
    if (method === 'none') return;
    expect(Number(collapses)).toBeGreaterThan(0);
    expect(hugeAfter).toBe(collapses);
    expect(splitBefore).toBe(checked);
    expect(r.stdout).toMatch(new RegExp(`^result rounds=\\d+ collapses=${collapses} `, 'm'));
  }, 60_000);
});
