// Runs SPIN on the reference model exactly as /work/shared/bench/README.md prescribes and parses pan's
// report. Installs Debian's spin (and gcc) first when missing, so a fresh machine can run the bench.

import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export interface SpinResult {
  readonly states: number;
  readonly transitions: number;
  /** pan's own "elapsed time" (the search, excluding compilation). */
  readonly seconds: number;
  /** pan's "total actual memory usage", in bytes. */
  readonly memoryBytes: number;
  readonly version: string;
}

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Makes sure `spin` and `gcc` exist, installing the Debian packages if not. */
export function ensureSpin(log: (line: string) => void): void {
  const missing = ['spin', 'gcc'].filter((c) => !has(c));
  if (missing.length === 0) return;
  log(`installing ${missing.join(', ')} with apt-get`);
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const apt = (...args: string[]): void => {
    const [cmd, ...rest] = [...sudo, 'apt-get', ...args];
    execFileSync(cmd as string, rest, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  };
  try {
    apt('install', '-y', ...missing);
  } catch {
    apt('update');
    apt('install', '-y', ...missing);
  }
}

function number(output: string, pattern: RegExp, what: string): number {
  const match = pattern.exec(output);
  if (match?.[1] === undefined) throw new Error(`pan output has no ${what}:\n${output}`);
  return Number(match[1]);
}

export function parsePanOutput(output: string): Omit<SpinResult, 'version'> {
  if (!/errors: 0\b/.test(output)) throw new Error(`pan reported errors:\n${output}`);
  return {
    states: number(output, /(\d+) states, stored/, 'stored states'),
    transitions: number(output, /(\d+) transitions \(= stored\+matched\)/, 'transitions'),
    seconds: number(output, /pan: elapsed time ([\d.e+-]+) seconds/, 'elapsed time'),
    memoryBytes: number(output, /([\d.]+)\s+total actual memory usage/, 'memory usage') * 1024 * 1024,
  };
}

/** spin -a -o2 -DN=n; gcc -O2 -w -DSAFETY -DNOREDUCE -DMEMLIM=20000; ./pan -m100000 -w27 */
export function runSpin(modelPath: string, n: number): SpinResult {
  const dir = mkdtempSync(join(tmpdir(), 'collapse-spin-'));
  try {
    const model = basename(modelPath);
    copyFileSync(modelPath, join(dir, model));
    const run = (cmd: string, args: string[]): string =>
      execFileSync(cmd, args, { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const version = run('spin', ['-V']).trim();
    run('spin', ['-a', '-o2', `-DN=${n}`, model]);
    run('gcc', ['-O2', '-w', '-DSAFETY', '-DNOREDUCE', '-DMEMLIM=20000', '-o', 'pan', 'pan.c']);
    return { ...parsePanOutput(run('./pan', ['-m100000', '-w27'])), version };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
