// `collapse-lab check`: explore every interleaving of a setup. Exit 1 when an invariant can be broken,
// 0 when all hold, 2 on bad input, 3 when a limit stopped the search first.

import { performance } from 'node:perf_hooks';
import type { Setup } from '../engine/index.ts';
import { formatSlots, formatThread, formatThreads, INVARIANTS } from '../engine/index.ts';
import type { CheckResult, CompareResult } from '../explorer/index.ts';
import { checkSetup, compareVariants, reachableResults } from '../explorer/index.ts';
import { linkOrReason, raceDiagram } from '../replay/index.ts';
import { parseCommandLine, positiveInt, UsageError } from './args.ts';
import { baseUrl, linkArgument, replayFrom, setupFrom } from './replayArgs.ts';
import type { Io } from './main.ts';
import { runCommandLine } from './shell.ts';
import { defaultMaxMemory, megabytes, memoryUsed, parseMemory, pollingMemory } from './memory.ts';
import { modelOf } from '../engine/modelVersion.ts';

const FLAGS = {
  kernel: { type: 'string' },
  slots: { type: 'string' },
  threads: { type: 'string' },
  'max-states': { type: 'string' },
  'time-limit': { type: 'string' },
  'max-memory': { type: 'string' },
  'no-reduce': { type: 'boolean' },
  url: { type: 'string' },
  'base-url': { type: 'string' },
  json: { type: 'boolean' },
  text: { type: 'boolean' },
  full: { type: 'boolean' },
} as const;

function replayLine(r: CheckResult, schedule: readonly number[]): string {
  return runCommandLine(
    r.setup.variant,
    formatSlots(r.setup.slots),
    formatThreads(r.setup.threads),
    schedule,
  );
}

function counterexampleLink(base: string, r: CheckResult, schedule: readonly number[]) {
  return linkOrReason(base, {
    model: modelOf(r.setup),
    setup: r.setup,
    choices: schedule,
    cursor: schedule.length,
    compare: null,
  });
}

function counterexampleUrl(base: string, r: CheckResult, schedule: readonly number[]): string {
  const l = counterexampleLink(base, r, schedule);
  return 'url' in l ? l.url : `(${l.reason})`;
}

export function checkJson(r: CheckResult, base: string) {
  return {
    kernel: r.setup.variant,
    slots: formatSlots(r.setup.slots),
    threads: formatThreads(r.setup.threads),
    complete: r.complete,
    reason: r.reason,
    states: r.states,
    transitions: r.transitions,
    depth: r.depth,
    seconds: r.elapsedMs / 1000,
    bytesPerState: Math.round(r.bytesPerState),
    memory: r.memory,
    message: r.message,
    // Every result each thread can end with, as the text output's "reachable results".
    results: reachableResults(r).map((o) => ({
      thread: o.thread,
      actor: r.setup.threads[o.thread]?.actor ?? 'uffd_monitor',
      values: o.results,
    })),
    invariants: r.invariants.map((v) => ({
      id: v.id,
      spec: INVARIANTS[v.id].spec,
      holds: v.holds,
      ...(v.schedule && {
        schedule: v.schedule,
        replay: replayLine(r, v.schedule),
        ...(() => {
          const l = counterexampleLink(base, r, v.schedule);
          return 'url' in l ? { url: l.url } : { noLink: l.reason };
        })(),
      }),
      ...(v.violation && {
        message: v.violation.message,
        step: v.violation.step,
        threadsInvolved: v.violation.threads,
        slotsInvolved: v.violation.slots,
      }),
    })),
  };
}

function printDiagrams(io: Io, r: CheckResult, base: string, full: boolean): void {
  io.out(`${r.message}\n`);
  for (const v of r.invariants) {
    if (!v.schedule) continue;
    io.out(
      `\n${raceDiagram(r.setup, v.schedule, { title: `${INVARIANTS[v.id].spec} ${v.id} broken`, url: counterexampleUrl(base, r, v.schedule), full, breaks: v.id })}`,
    );
  }
}

/** What the search held: its tables part by part, and what the process really grew by. */
export function memoryLine(r: CheckResult): string {
  const m = r.memory;
  const tables = `visited set ${megabytes(m.visitedSet)}, encodings ${megabytes(m.encodings)}, index arrays ${megabytes(m.indexArrays)}`;
  const grew =
    m.measured === null
      ? ''
      : `; the process grew by ${megabytes(m.measured)} (${r.states > 0 ? Math.round(m.measured / r.states) : 0} bytes/state, with the worlds of the ${m.queuedWorlds} states still queued)`;
  return `memory: ${tables}${grew}`;
}

function printCheck(io: Io, r: CheckResult, base: string): void {
  io.out(
    `kernel ${r.setup.variant}  slots ${formatSlots(r.setup.slots)}  threads ${formatThreads(r.setup.threads)}\n`,
  );
  io.out(
    `${r.message}; depth ${r.depth}; ${(r.elapsedMs / 1000).toFixed(2)} s; ${Math.round(r.bytesPerState)} bytes/state\n`,
  );
  io.out(`${memoryLine(r)}\n\n`);
  for (const v of r.invariants) {
    const verdict =
      v.holds === true ? 'holds' : v.holds === false ? 'BROKEN' : 'not broken so far (search incomplete)';
    io.out(`  ${INVARIANTS[v.id].spec.padEnd(4)} ${v.id.padEnd(14)} ${verdict}\n`);
  }
  io.out('\nreachable results\n');
  for (const o of reachableResults(r)) {
    const t = r.setup.threads[o.thread];
    if (t) io.out(`  T${o.thread} ${t.actor.padEnd(14)} ${o.results.join(', ')}\n`);
  }
  for (const v of r.invariants) {
    if (!v.schedule) continue;
    io.out(
      `\n${INVARIANTS[v.id].spec} ${v.id} broken in ${v.schedule.length} steps (0 to ${v.schedule.length - 1}): ${v.violation?.message ?? ''}\n`,
    );
    (v.steps ?? []).forEach((s, i) => {
      const t = r.setup.threads[s.thread];
      const who = t ? formatThread(t) : 'uffd_monitor';
      io.out(`  ${String(i).padStart(3)}. T${s.thread} ${who.padEnd(14)} ${s.label}\n`);
    });
    io.out(`  replay: ${replayLine(r, v.schedule)}\n`);
    io.out(`  link:   ${counterexampleUrl(base, r, v.schedule)}\n`);
  }
  if (r.faults.length > 0)
    io.out(`\nengine faults while exploring:\n${r.faults.map((f) => `  ${f}\n`).join('')}`);
}

function printCompare(io: Io, c: CompareResult, base: string): void {
  printCheck(io, c.a, base);
  io.out('\n');
  printCheck(io, c.b, base);
  io.out(`\ncompare ${c.a.setup.variant} -> ${c.b.setup.variant}\n`);
  if (c.diffs.length === 0) io.out('  same verdict for every invariant\n');
  for (const d of c.diffs) {
    const say = (h: boolean | null) => (h === true ? 'holds' : h === false ? 'broken' : 'unknown');
    io.out(`  ${d.id}: ${say(d.a)} on ${c.a.setup.variant}, ${say(d.b)} on ${c.b.setup.variant}\n`);
    if (d.replay)
      io.out(`    ${d.replay.from}'s counterexample on ${d.replay.on}: ${d.replay.divergence.reason}\n`);
  }
}

function exitStatus(results: readonly CheckResult[]): number {
  if (results.some((r) => r.invariants.some((v) => v.holds === false))) return 1;
  return results.every((r) => r.complete) ? 0 : 3;
}

export function checkCommand(argv: string[], io: Io): number {
  const { values, positional } = parseCommandLine(argv, FLAGS, 'replay link');
  const f = { ...values, url: linkArgument(values.url, positional) };
  const kernels = f.kernel?.split(',') ?? [];
  if (kernels.length > 2) throw new UsageError('--kernel takes one variant, or two to compare (a,b)');
  const fromLink = replayFrom({ url: f.url, kernel: kernels[0], slots: f.slots, threads: f.threads }, false);
  const setup: Setup = fromLink.setup;
  const otherText = kernels[1] ?? (f.url !== undefined ? (fromLink.compare ?? undefined) : undefined);
  // The compare kernel is parsed as a setup's would be (exit 2 naming what is wrong), then canonical.
  const other =
    otherText === undefined
      ? undefined
      : setupFrom(otherText, formatSlots(setup.slots), formatThreads(setup.threads)).variant;
  const maxStates = positiveInt(f['max-states'], 'max-states');
  const seconds = positiveInt(f['time-limit'], 'time-limit');
  const maxMemoryBytes = parseMemory(f['max-memory']) ?? defaultMaxMemory();
  const base = baseUrl(f['base-url']);
  const options = {
    now: () => performance.now(),
    memoryUsed,
    memoryPoll: pollingMemory(maxMemoryBytes),
    maxMemoryBytes,
    reduce: f['no-reduce'] !== true,
    ...(maxStates !== undefined && { maxStates }),
    ...(seconds !== undefined && { timeLimitMs: seconds * 1000 }),
  };
  if (other !== undefined) {
    const c = compareVariants(setup, other, options);
    if (f.json)
      io.out(
        `${JSON.stringify({ a: checkJson(c.a, base), b: checkJson(c.b, base), diffs: c.diffs }, null, 2)}\n`,
      );
    else if (f.text) {
      printDiagrams(io, c.a, base, f.full === true);
      printDiagrams(io, c.b, base, f.full === true);
    } else printCompare(io, c, base);
    return exitStatus([c.a, c.b]);
  }
  const r = checkSetup(setup, options);
  if (f.json) io.out(`${JSON.stringify(checkJson(r, base), null, 2)}\n`);
  else if (f.text) printDiagrams(io, r, base, f.full === true);
  else printCheck(io, r, base);
  return exitStatus([r]);
}
