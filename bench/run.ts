// `npm run bench`: the explorer against SPIN on the shared reference model, in one run (SPIN first,
// then the explorer in Node, then in a Web Worker in headless Chromium, one heavy job at a time); then
// the explorer on kernel setups; then the page's frame times at 512 slots in headless Chromium, its
// cancel latency and the first paint of a 5,000-step link.
// benchReference() is exported so kernel-model benchmarks can be added beside it.

import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { measureInChromium } from './chromium.ts';
import { benchKernel } from './kernel.ts';
import { benchMatrix } from './matrix.ts';
import { benchFrames } from './ui/frames.ts';
import { benchHardening } from './ui/hardening.ts';
import { formatRow, statesPerSecond, type BenchRow } from './measure.ts';
import { measureReference, type ExplorerMeasurement } from './referenceRun.ts';
import { ensureSpin, runSpin } from './spin.ts';

export const REFERENCE_MODEL =
  process.env['REFERENCE_PML'] ??
  fileURLToPath(new URL('../../shared/bench/reference-model.pml', import.meta.url));

export interface BenchOptions {
  /** Slots in the reference model (default 16, the README's benchmark size). */
  readonly n?: number;
  /** Skip the Chromium run (e.g. on a machine without a browser). */
  readonly browser?: boolean;
  /** Receives each output line as it is produced (default: console.log). */
  readonly log?: (line: string) => void;
}

export interface ReferenceBenchReport {
  readonly n: number;
  readonly spin: BenchRow;
  readonly node: BenchRow;
  readonly chromium?: BenchRow;
  /** Explorer states/s divided by SPIN's. */
  readonly ratios: { readonly node: number; readonly chromium?: number };
  /** Explorer counts equal SPIN's in every run. */
  readonly countsMatch: boolean;
  readonly lines: readonly string[];
}

function explorerRow(engine: string, m: ExplorerMeasurement): BenchRow {
  return {
    engine,
    states: m.states,
    transitions: m.transitions,
    seconds: m.milliseconds / 1000,
    bytesPerState: m.bytes / m.states,
    complete: m.complete,
  };
}

export async function benchReference(options: BenchOptions = {}): Promise<ReferenceBenchReport> {
  const n = options.n ?? 16;
  const lines: string[] = [];
  const say = (line: string): void => {
    lines.push(line);
    (options.log ?? console.log)(line);
  };
  if (!existsSync(REFERENCE_MODEL)) throw new Error(`reference model not found: ${REFERENCE_MODEL}`);
  say(`reference model ${REFERENCE_MODEL}, N = ${n}`);

  ensureSpin(say);
  const spinResult = runSpin(REFERENCE_MODEL, n);
  const spin: BenchRow = {
    engine: 'SPIN (pan)',
    states: spinResult.states,
    transitions: spinResult.transitions,
    seconds: spinResult.seconds,
    bytesPerState: spinResult.memoryBytes / spinResult.states,
    complete: true,
  };
  say(
    `${spinResult.version}; spin -a -o2 -DN=${n}; gcc -O2 -w -DSAFETY -DNOREDUCE -DMEMLIM=20000; ./pan -m100000 -w27`,
  );
  say(formatRow(spin, undefined));

  const nodeMeasurement = measureReference(n, () => performance.now());
  const node = explorerRow(`explorer Node ${process.versions.node}`, nodeMeasurement);
  say(formatRow(node, spin));

  let chromium: BenchRow | undefined;
  if (options.browser !== false) {
    const m = await measureInChromium(n);
    chromium = explorerRow(`explorer ${m.browser.replace(/\.\d+\.\d+$/, '')}`, m);
    say(formatRow(chromium, spin));
  }

  const rows = chromium === undefined ? [node] : [node, chromium];
  const countsMatch = rows.every(
    (r) => r.complete && r.states === spin.states && r.transitions === spin.transitions,
  );
  say(
    `state words: ${nodeMeasurement.stateWords}; counts ${countsMatch ? 'match SPIN exactly' : 'DIFFER from SPIN'}`,
  );
  const ratio = (row: BenchRow): number => statesPerSecond(row) / statesPerSecond(spin);
  return {
    n,
    spin,
    node,
    ...(chromium !== undefined && { chromium }),
    ratios: { node: ratio(node), ...(chromium !== undefined && { chromium: ratio(chromium) }) },
    countsMatch,
    lines,
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const nArg = args.find((a) => /^--n=\d+$/.test(a));
  const report = await benchReference({
    ...(nArg !== undefined && { n: Number(nArg.slice(4)) }),
    browser: !args.includes('--no-browser'),
  });
  if (!report.countsMatch) process.exitCode = 1;
  console.log('');
  benchKernel();
  console.log('');
  await benchMatrix(console.log, { browser: !args.includes('--no-browser') });
  if (!args.includes('--no-browser')) {
    console.log('');
    await benchFrames();
    console.log('');
    await benchHardening();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
