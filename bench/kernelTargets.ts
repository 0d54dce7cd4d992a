// The scaling issue's (#16) target rows: each setup checked by this session's search and by the
// baseline search (the same code with the speed-ups off: whole encodings, no folio cache, no sleep
// sets), in the same run, each with a time limit. Prints states, transitions, seconds to the verdict,
// bytes a state and the speed-up against the baseline. `node --import tsx bench/kernelTargets.ts
// [--limit=SECONDS] [--only=ROW,ROW] [--no-baseline]` runs it alone.

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

function check(row: TargetRow, o: Partial<CheckOptions>, limitSeconds: number): CheckResult {
  const p = parseSetup(row.kernel, row.slots, row.threads);
  if (!p.ok) throw new Error(`${row.name}: ${p.error.message}`);
  return checkSetup(p.value, { now: () => performance.now(), timeLimitMs: limitSeconds * 1000, ...o });
}

const verdict = (r: CheckResult): string => {
  const broken = r.invariants.filter((v) => v.holds === false).map((v) => v.id);
  return broken.length > 0 ? `broken: ${broken.join(', ')}` : r.complete ? 'all hold' : 'incomplete';
};

function cells(r: CheckResult): string {
  const s = r.elapsedMs / 1000;
  return [
    `${groupDigits(r.states)}${r.complete ? '' : '+'} states`.padStart(17),
    `${groupDigits(r.transitions)} tr`.padStart(14),
    `${s.toFixed(2)} s`.padStart(9),
    `${groupDigits(Math.round((r.elapsedMs * 1000) / Math.max(1, r.states)))} us/st`.padStart(12),
    `${groupDigits(Math.round(r.bytesPerState))} B/st`.padStart(11),
  ].join('');
}

export interface TargetResult {
  readonly row: TargetRow;
  readonly fast: CheckResult;
  readonly baseline: CheckResult | null;
}

/** A speed-up to the verdict; a lower bound (">=") when the baseline did not finish. */
export function speedup(t: TargetResult): string {
  if (t.baseline === null) return '';
  const x = t.baseline.elapsedMs / Math.max(1, t.fast.elapsedMs);
  if (!t.fast.complete) return 'n/a';
  return `${t.baseline.complete ? '' : '>='}${x.toFixed(2)}x`;
}

export function benchTargets(
  log: (line: string) => void = console.log,
  options: {
    readonly limitSeconds?: number;
    readonly only?: readonly string[];
    readonly baseline?: boolean;
  } = {},
): TargetResult[] {
  const limit = options.limitSeconds ?? 60;
  log(`scaling targets (issue #16), each search stopped at ${limit} s; "+" marks an incomplete count:`);
  const out: TargetResult[] = [];
  for (const row of TARGET_ROWS) {
    if (options.only !== undefined && !options.only.some((o) => row.name.includes(o))) continue;
    const fast = check(row, {}, limit);
    const baseline = options.baseline === false ? null : check(row, { baseline: true }, limit);
    const t = { row, fast, baseline };
    out.push(t);
    log(`  ${row.kernel} ${row.name} ${row.threads} (target ${row.target})`);
    log(`    new      ${cells(fast)}  ${verdict(fast)}`);
    if (baseline !== null)
      log(`    baseline ${cells(baseline)}  ${verdict(baseline)}  speed-up ${speedup(t)}`);
  }
  return out;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const value = (flag: string) => args.find((a) => a.startsWith(`--${flag}=`))?.slice(flag.length + 3);
  const limit = value('limit');
  const only = value('only');
  benchTargets(console.log, {
    ...(limit !== undefined && { limitSeconds: Number(limit) }),
    ...(only !== undefined && { only: only.split(',') }),
    baseline: !args.includes('--no-baseline'),
  });
}
