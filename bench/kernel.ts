// Kernel-model benchmarks: states per second, bytes per state and time to verdict for the setups the
// explorer issue names, and how far N goes within 60 s for collapse + seek_data.

import { parseSetup } from '../src/engine/index.ts';
import { checkSetup, type CheckResult } from '../src/explorer/index.ts';

interface KernelCase {
  readonly kernel: string;
  readonly slots: string;
  readonly threads: string;
}

export const KERNEL_CASES: readonly KernelCase[] = [
  { kernel: 'v6.4', slots: 'PPPP', threads: 'collapse,seek_data:0' },
  { kernel: 'v6.3', slots: 'PPPP', threads: 'collapse,seek_data:0' },
  { kernel: 'v6.4', slots: 'PPPPPPPP', threads: 'collapse,mincore,fault:3' },
  { kernel: 'v6.4', slots: 'PP.P|uffd', threads: 'collapse,write:2,punch:1' },
  { kernel: 'v6.3', slots: 'PP.P|uffd', threads: 'collapse,write:2,punch:1' },
];

function run(c: KernelCase, timeLimitMs?: number): CheckResult {
  const p = parseSetup(c.kernel, c.slots, c.threads);
  if (!p.ok) throw new Error(p.error.message);
  return checkSetup(p.value, {
    now: () => performance.now(),
    ...(timeLimitMs !== undefined && { timeLimitMs }),
  });
}

function row(c: KernelCase, r: CheckResult): string {
  const secs = r.elapsedMs / 1000;
  const broken = r.invariants.filter((v) => v.holds === false).map((v) => v.id);
  const verdict = !r.complete
    ? 'incomplete'
    : broken.length > 0
      ? `broken: ${broken.join(', ')}`
      : 'all hold';
  return [
    `${c.kernel} ${c.slots.length > 12 && /^P+$/.test(c.slots) ? `P x ${c.slots.length}` : c.slots} ${c.threads}`.padEnd(
      44,
    ),
    `${r.states.toLocaleString('en-US')} states`.padStart(16),
    `${Math.round(r.states / Math.max(secs, 1e-3)).toLocaleString('en-US')} states/s`.padStart(18),
    `${Math.round(r.bytesPerState)} B/state`.padStart(14),
    `${secs.toFixed(2)} s to verdict`.padStart(18),
    `  ${verdict}`,
  ].join('');
}

export interface KernelBenchReport {
  readonly lines: readonly string[];
  /** Largest N for which collapse + seek_data:0 on v6.4 completed within the limit. */
  readonly maxSeekN: number;
}

export function benchKernel(log: (line: string) => void = console.log, limitSeconds = 60): KernelBenchReport {
  const lines: string[] = [];
  const say = (l: string) => {
    lines.push(l);
    log(l);
  };
  say('kernel model (explorer with reduction, Node):');
  for (const c of KERNEL_CASES) say(`  ${row(c, run(c))}`);
  say(`how far N goes within ${limitSeconds} s for v6.4 collapse,seek_data:0 (all slots P):`);
  let maxSeekN = 0;
  for (let n = 4; n <= 512; n *= 2) {
    const c = { kernel: 'v6.4', slots: 'P'.repeat(n), threads: 'collapse,seek_data:0' };
    const r = run(c, limitSeconds * 1000);
    say(`  ${row(c, r)}`);
    if (!r.complete) break;
    maxSeekN = n;
    if (r.elapsedMs > (limitSeconds * 1000) / 4) break; // the next size would not finish in time
  }
  say(`  largest N completed within ${limitSeconds} s: ${maxSeekN}`);
  return { lines, maxSeekN };
}
