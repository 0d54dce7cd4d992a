// The plain-text race diagram for email: one column per CPU (thread), time flowing down, function names
// and the branch each step took as in the kernel source of that version, at most 72 columns; the kernel
// and setup on top, the broken invariant and the replay link at the end. Condensed by default
// (diagramSteps.ts); `full` prints every step. Pure: the same replay gives the same text.

import {
  ACTORS,
  formatThread,
  createWorld,
  formatSlots,
  INVARIANTS,
  isDaemon,
  runSchedule,
  kernelOf,
  type InvariantId,
  type Setup,
  type Violation,
} from '../engine/index.ts';
import { resolveSource } from '../engine/sourceLinks.ts';
import { diagramItems } from './diagramSteps.ts';

export const DIAGRAM_WIDTH = 72;
const GAP = 2;

export interface DiagramOptions {
  readonly title?: string;
  /** The replay link printed at the end. */
  readonly url?: string;
  /** Show only the first `upTo` steps (default: all). */
  readonly upTo?: number;
  /** Every step; by default the diagram stops at the break and folds collapse's repetition. */
  readonly full?: boolean;
  /** The invariant whose break ends a condensed diagram (null: none, show to the end; default: the
   * last invariant broken). */
  readonly breaks?: InvariantId | null;
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = '';
    }
    line = line ? `${line} ${word}` : word;
    while (line.length > width) {
      out.push(line.slice(0, width));
      line = line.slice(width);
    }
  }
  if (line) out.push(line);
  return out;
}

export function raceDiagram(setup: Setup, choices: readonly number[], options: DiagramOptions = {}): string {
  const run = runSchedule(createWorld(setup), choices.slice(0, options.upTo ?? choices.length), {
    finish: false,
  });
  const threads = run.initial.threads;
  const used = threads.filter((t) => run.steps.some((s) => s.thread === t.id));
  const cols = used.length > 0 ? used : threads.slice(0, 1);
  const width = Math.floor((DIAGRAM_WIDTH - GAP * (cols.length - 1)) / cols.length);
  const colOf = new Map(cols.map((t, i) => [t.id, i]));
  const row = (cells: Record<number, string>) =>
    cols
      .map((_, i) => (cells[i] ?? '').padEnd(width))
      .join(' '.repeat(GAP))
      .trimEnd();
  const name = (id: number) => {
    const t = threads[id];
    return t ? formatThread(t) : `T${id}`;
  };

  const lines: string[] = [];
  if (options.title) lines.push(...wrap(`Collapse Lab: ${options.title}`, DIAGRAM_WIDTH));
  lines.push(...wrap(`kernel: ${setup.variant} (${kernelOf(setup.variant).title})`, DIAGRAM_WIDTH));
  lines.push(
    ...wrap(
      `setup:  slots ${formatSlots(setup.slots)}; threads ${threads.map((t) => name(t.id)).join(', ')}`,
      DIAGRAM_WIDTH,
    ),
  );
  lines.push('');
  lines.push(row(Object.fromEntries(cols.map((t, i) => [i, `CPU${t.id}`]))));
  lines.push(row(Object.fromEntries(cols.map((t, i) => [i, name(t.id)]))));
  lines.push(row(Object.fromEntries(cols.map((_, i) => [i, '-'.repeat(width)]))));

  const lastFunc = new Map<number, string>();
  for (const item of diagramItems(run, threads, options.full === true, options.breaks)) {
    if (item.t === 'cut') {
      lines.push(...wrap(item.text, DIAGRAM_WIDTH));
      continue;
    }
    const col = colOf.get(item.thread) ?? 0;
    if (item.t === 'fold') {
      for (const part of wrap(item.text, width - 2)) lines.push(row({ [col]: `  ${part}` }));
      continue;
    }
    const t = threads[item.thread];
    const def = t ? ACTORS[t.actor].steps[item.stepId] : undefined;
    const func = def ? resolveSource(def.src, kernelOf(setup.variant)).func : '';
    if (func && lastFunc.get(item.thread) !== func) {
      lastFunc.set(item.thread, func);
      for (const part of wrap(`${func}()`, width)) lines.push(row({ [col]: part }));
    }
    for (const part of wrap(item.label, width - 2)) lines.push(row({ [col]: `  ${part}` }));
  }
  lines.push('');
  const results = run.world.threads
    .filter((t) => !isDaemon(t) || t.result !== null)
    .map((t) => `CPU${t.id} ${name(t.id)}: ${t.done ? (t.result ?? '') : (t.result ?? `(at ${t.pc})`)}`);
  lines.push(...wrap(`results: ${results.join('; ')}`, DIAGRAM_WIDTH));
  const broken: readonly Violation[] = run.violations;
  if (broken.length === 0) lines.push('no invariant broken');
  for (const v of broken)
    lines.push(
      ...wrap(
        `BROKEN ${INVARIANTS[v.invariant].spec} ${v.invariant} after step ${v.step}: ${v.message}`,
        DIAGRAM_WIDTH,
      ),
    );
  if (options.url) {
    lines.push('');
    lines.push(options.url.length <= DIAGRAM_WIDTH - 8 ? `replay: ${options.url}` : 'replay:');
    if (options.url.length > DIAGRAM_WIDTH - 8) lines.push(options.url);
  }
  return `${lines.join('\n')}\n`;
}
