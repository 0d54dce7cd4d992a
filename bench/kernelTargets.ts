// The scaling issue's (#16) target rows: each setup checked by this session's search and by the
// baseline search (the same code with the speed-ups off: whole encodings, no folio cache, every
// invariant over the whole world after each step), in the same run, in turns, each with a time limit. Prints states, transitions, seconds to the verdict,
// bytes a state and the speed-up against the baseline. `node --import tsx bench/kernelTargets.ts
// [--limit=SECONDS] [--only=ROW,ROW] [--times=N] [--no-baseline]` runs it alone.

import { pathToFileURL } from 'node:url';
import { parseSetup } from '../src/engine/index.ts';
import { checkSetup, type CheckOptions, type CheckResult } from '../src/explorer/index.ts';
import { groupDigits } from '../src/explorer/format.ts';

export interface TargetRow {
  readonly name: string;
  readonly kernel: string;
  readonly slots: string;
  readonly threads: string;
  /** The target, as it reads. */
  readonly target: string;
}

const P512 = 'P'.repeat(512);

export const TARGET_ROWS: readonly TargetRow[] = [
  {
    name: 'PPMP.PPP 4 threads',
    kernel: 'v6.4',
    slots: 'PPMP.PPP',
    threads: 'collapse,seek_data:0,mincore,fault:3',
    target: '>= 5x faster',
  },
  {
    name: '512 x P 2 threads',
    kernel: 'v6.4',
    slots: P512,
    threads: 'collapse,seek_data:0',
    target: '>= 10x faster, <= 1 KB a state',
  },
  {
    name: 'PPMP.PPP 5 threads',
    kernel: 'v6.4',
    slots: 'PPMP.PPP',
    threads: 'collapse,seek_data:0,mincore,fault:3,read:5',
    target: '>= 10x faster',
  },
  {
    name: 'PPMP.PPP 6 threads',
    kernel: 'v6.4',
    slots: 'PPMP.PPP',
    threads: 'collapse,seek_data:0,mincore,fault:3,read:5,write:6',
    target: '< 10 s',
  },
  {
    name: '512 x P 3 threads',
    kernel: 'v6.4',
    slots: P512,
    threads: 'collapse,seek_data:0,mincore',
    target: '< 2 min',
  },
  {
    name: '8 slots |xa=4',
    kernel: 'v6.12',
    slots: 'PPPPPPPP|xa=4',
    threads: 'collapse,seek_hole:0,mincore',
    target: '< 5 s',
  },
];

/**
 * The process's CPU time in milliseconds (user + system, all its threads): on a machine shared with
 * other work the wall clock measures the neighbours too, CPU time mostly this search.
 */
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

interface Measured {
  readonly r: CheckResult;
  readonly wallMs: number;
}

function check(row: TargetRow, o: Partial<CheckOptions>, limitSeconds: number): Measured {
  const p = parseSetup(row.kernel, row.slots, row.threads);
  if (!p.ok) throw new Error(`${row.name}: ${p.error.message}`);
  const t0 = performance.now();
  const r = checkSetup(p.value, { now: cpuMs, timeLimitMs: limitSeconds * 1000, ...o });
  return { r, wallMs: performance.now() - t0 };
}

/** The faster of `times` runs (the search is deterministic: only the time differs). */
function best(row: TargetRow, o: Partial<CheckOptions>, limitSeconds: number, times: number): Measured {
  let m = check(row, o, limitSeconds);
  for (let i = 1; i < times && m.r.complete; i++) {
    const again = check(row, o, limitSeconds);
    if (again.r.elapsedMs < m.r.elapsedMs) m = again;
  }
  return m;
}

/**
 * This session's search and the baseline, run in turns (new, baseline, baseline, new, ...) so neither
 * always runs on a colder JIT or a quieter machine than the other; the faster run of each counts.
 */
function bestPair(
  row: TargetRow,
  limitSeconds: number,
  times: number,
): { fast: Measured; baseline: Measured } {
  const faster = (a: Measured | null, b: Measured) => (a === null || b.r.elapsedMs < a.r.elapsedMs ? b : a);
  let fast: Measured | null = null;
  let baseline: Measured | null = null;
  for (let i = 0; i < times; i++) {
    const order = i % 2 === 0 ? [false, true] : [true, false];
    for (const isBaseline of order) {
      const m = check(row, isBaseline ? { baseline: true } : {}, limitSeconds);
      if (isBaseline) baseline = faster(baseline, m);
      else fast = faster(fast, m);
    }
    if (!fast?.r.complete && !baseline?.r.complete) break;
  }
  if (fast === null || baseline === null) throw new Error('bestPair: times must be at least 1');
  return { fast, baseline };
}

const verdict = (r: CheckResult): string => {
  const broken = r.invariants.filter((v) => v.holds === false).map((v) => v.id);
  return broken.length > 0 ? `broken: ${broken.join(', ')}` : r.complete ? 'all hold' : 'incomplete';
};

function cells({ r, wallMs }: Measured): string {
  const s = r.elapsedMs / 1000;
  return [
    `${groupDigits(r.states)}${r.complete ? '' : '+'} states`.padStart(17),
    `${groupDigits(r.transitions)} tr`.padStart(14),
    `${s.toFixed(2)} s cpu`.padStart(13),
    `${(wallMs / 1000).toFixed(2)} s wall`.padStart(14),
    `${groupDigits(Math.round((r.elapsedMs * 1000) / Math.max(1, r.states)))} us/st`.padStart(12),
    `${groupDigits(Math.round(r.bytesPerState))} B/st`.padStart(12),
  ].join('');
}

export interface TargetResult {
  readonly row: TargetRow;
  readonly fast: Measured;
  readonly baseline: Measured | null;
}

/** The speed-up in CPU time to the verdict; a lower bound (">=") when the baseline did not finish. */
export function speedup(t: TargetResult): string {
  if (t.baseline === null || !t.fast.r.complete) return 'n/a';
  const x = t.baseline.r.elapsedMs / Math.max(1, t.fast.r.elapsedMs);
  return `${t.baseline.r.complete ? '' : '>='}${x.toFixed(2)}x`;
}

export function benchTargets(
  log: (line: string) => void = console.log,
  options: {
    readonly limitSeconds?: number;
    readonly only?: readonly string[];
    readonly baseline?: boolean;
    /** Runs of each search; the fastest counts (default 2). */
    readonly times?: number;
  } = {},
): TargetResult[] {
  const limit = options.limitSeconds ?? 60;
  const times = options.times ?? 2;
  log(
    `scaling targets (issue #16): CPU seconds to the verdict, fastest of ${times} runs, each stopped at ${limit} s; "+" marks an incomplete count:`,
  );
  const out: TargetResult[] = [];
  for (const row of TARGET_ROWS) {
    if (options.only !== undefined && !options.only.some((o) => row.name.includes(o))) continue;
    log(`  ${row.kernel} ${row.name} ${row.threads} (target ${row.target})`);
    const { fast, baseline } =
      options.baseline === false
        ? { fast: best(row, {}, limit, times), baseline: null }
        : bestPair(row, limit, times);
    log(`    new      ${cells(fast)}  ${verdict(fast.r)}`);
    const t = { row, fast, baseline };
    out.push(t);
    if (baseline !== null)
      log(`    baseline ${cells(baseline)}  ${verdict(baseline.r)}  speed-up ${speedup(t)}`);
  }
  return out;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const value = (flag: string) => args.find((a) => a.startsWith(`--${flag}=`))?.slice(flag.length + 3);
  const limit = value('limit');
  const only = value('only');
  const times = value('times');
  benchTargets(console.log, {
    ...(times !== undefined && { times: Number(times) }),
    ...(limit !== undefined && { limitSeconds: Number(limit) }),
    ...(only !== undefined && { only: only.split(',') }),
    baseline: !args.includes('--no-baseline'),
  });
}
