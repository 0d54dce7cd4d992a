// `collapse-lab run`: one schedule, every step printed, then results and violations.

import type { RunResult, Setup } from '../engine/index.ts';
import { stepSource } from '../engine/sourceLinks.ts';
import {
  formatThread,
  createWorld,
  describeEvents,
  formatSlots,
  INVARIANTS,
  runSchedule,
  kernelOf,
} from '../engine/index.ts';
import { linkOrReason, raceDiagram } from '../replay/index.ts';
import { parseCommandLine, UsageError } from './args.ts';
import { baseUrl, linkArgument, replayFrom } from './replayArgs.ts';
import type { Io } from './main.ts';

const FLAGS = {
  kernel: { type: 'string' },
  slots: { type: 'string' },
  threads: { type: 'string' },
  schedule: { type: 'string' },
  url: { type: 'string' },
  'base-url': { type: 'string' },
  json: { type: 'boolean' },
  text: { type: 'boolean' },
  full: { type: 'boolean' },
} as const;

export function threadName(r: RunResult, id: number): string {
  const t = r.initial.threads[id];
  if (!t) return `T${id}`;
  return `T${id} ${formatThread(t)}`;
}

export function runJson(setup: Setup, schedule: readonly number[], r: RunResult) {
  return {
    kernel: setup.variant,
    slots: formatSlots(setup.slots),
    threads: r.initial.threads.map((t) => ({
      id: t.id,
      actor: t.actor,
      param: t.param,
      name: threadName(r, t.id),
    })),
    schedule,
    steps: r.steps.map((s) => ({
      index: s.index,
      thread: s.thread,
      step: s.stepId,
      label: s.label,
      source: stepSource(s, kernelOf(setup.variant)),
      auto: s.auto,
      changes: describeEvents(s.events),
      events: s.events,
    })),
    results: r.world.threads.map((t) => ({
      thread: t.id,
      actor: t.actor,
      param: t.param,
      done: t.done,
      result: t.result,
    })),
    violations: r.violations.map((v) => ({ ...v, spec: INVARIANTS[v.invariant].spec })),
    stuck: r.stuck,
  };
}

export function printRun(io: Io, setup: Setup, r: RunResult): void {
  io.out(`kernel  ${setup.variant}: ${kernelOf(setup.variant).title}\n`);
  io.out(
    `slots   ${formatSlots(setup.slots)}\nthreads ${r.initial.threads.map((t) => threadName(r, t.id)).join(', ')}\n\n`,
  );
  for (const s of r.steps) {
    const head = `${String(s.index).padStart(4)}  ${threadName(r, s.thread).padEnd(16)} ${s.label}${s.auto ? '  (auto)' : ''}`;
    io.out(`${head}\n`);
    for (const c of describeEvents(s.events)) io.out(`${' '.repeat(24)}${c}\n`);
  }
  io.out('\nresults\n');
  for (const t of r.world.threads)
    io.out(
      `  ${threadName(r, t.id).padEnd(16)} ${t.done ? (t.result ?? '') : `not finished (at ${t.pc})`}\n`,
    );
  if (r.stuck) io.out(`\nstuck: ${r.stuck}\n`);
  if (r.violations.length === 0) {
    io.out('\nno invariant violated\n');
    return;
  }
  io.out('\nviolations\n');
  for (const v of r.violations) {
    const where = [
      v.threads.length ? `threads ${v.threads.map((x) => `T${x}`).join(',')}` : '',
      v.slots.length ? `slots ${v.slots.join(',')}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    io.out(
      `  [${v.invariant}] ${INVARIANTS[v.invariant].spec} after step ${v.step}${where ? ` (${where})` : ''}: ${v.message}\n`,
    );
  }
}

export function runCommand(argv: string[], io: Io): number {
  const { values, positional } = parseCommandLine(argv, FLAGS, 'replay link');
  const f = { ...values, url: linkArgument(values.url, positional) };
  const replay = replayFrom(f, true);
  const { setup, choices: schedule } = replay;
  const base = baseUrl(f['base-url']);
  const r = runSchedule(createWorld(setup), schedule);
  if (r.error)
    throw new UsageError(`--schedule: entry ${r.error.at + 1} is impossible: ${r.error.error.message}`);
  // The link and the diagram carry every step taken, the round-robin finish included.
  const taken = r.steps.map((s) => s.thread);
  const link = linkOrReason(base, {
    model: replay.model,
    setup,
    choices: taken,
    cursor: taken.length,
    compare: replay.compare,
  });
  const url = 'url' in link ? link.url : `(${link.reason})`;
  if (f.json)
    io.out(
      `${JSON.stringify({ ...runJson(setup, schedule, r), ...('url' in link ? { url } : { noLink: link.reason }) }, null, 2)}\n`,
    );
  else if (f.text) io.out(raceDiagram(setup, taken, { url, full: f.full === true }));
  else {
    printRun(io, setup, r);
    io.out(`\nreplay: ${url}\n`);
  }
  return r.violations.length > 0 ? 1 : 0;
}
