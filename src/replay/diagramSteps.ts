// Which steps a text diagram shows, as kernel developers draw races by hand: every step of every thread
// up to the break (the step of the last invariant violation), with collapse's per-slot repetition folded
// into one line ("... the same for slots 1-3"). `full` shows every step.

import { rolesOf, type InvariantId, type RunResult, type Thread } from '../engine/index.ts';

export type DiagramItem =
  | { readonly t: 'step'; readonly thread: number; readonly stepId: string; readonly label: string }
  | { readonly t: 'fold'; readonly thread: number; readonly text: string }
  | { readonly t: 'cut'; readonly text: string };

/** Steps that start one slot's worth of collapse work: the scan loop's and v6.3's copy loop's. */
const UNIT_START: ReadonlySet<string> = new Set(['scan', 'copy_one']);

interface Unit {
  readonly thread: number;
  readonly kind: string;
  readonly slot: number;
  readonly steps: { readonly stepId: string; readonly label: string }[];
}

const slots = (a: number, b: number) => (a === b ? `slot ${a}` : `slots ${a}-${b}`);

/**
 * The step index of the break: where `breaks` first broke (null: the race has no break, show it all),
 * or by default the last step where any invariant first broke.
 */
export function breakStep(run: RunResult, breaks?: InvariantId | null): number | null {
  if (breaks === null) return null;
  let last: number | null = null;
  for (const v of run.violations)
    if (breaks === undefined || v.invariant === breaks)
      last = last === null ? v.step : Math.max(last, v.step);
  return last;
}

export function diagramItems(
  run: RunResult,
  threads: readonly Thread[],
  full: boolean,
  breaks?: InvariantId | null,
): DiagramItem[] {
  const cut = full ? null : breakStep(run, breaks);
  const shown = cut === null ? run.steps : run.steps.slice(0, cut + 1);
  if (full) return shown.map((s) => ({ t: 'step', thread: s.thread, stepId: s.stepId, label: s.label }));

  // Group each collapser's steps into per-slot units (a unit ends at any other thread's step); the
  // other steps stand alone.
  const units: (Unit | DiagramItem)[] = [];
  const counters = new Map<string, number>();
  let open: Unit | null = null;
  for (const s of shown) {
    const step = { stepId: s.stepId, label: s.label };
    const thread = threads[s.thread];
    const collapser = thread !== undefined && rolesOf(thread).collapser !== undefined;
    if (collapser && UNIT_START.has(s.stepId)) {
      const key = `${s.thread}:${s.stepId}`;
      const slot = counters.get(key) ?? 0;
      counters.set(key, slot + 1);
      open = { thread: s.thread, kind: s.stepId, slot, steps: [step] };
      units.push(open);
    } else if (open && open.thread === s.thread) open.steps.push(step);
    else {
      open = null;
      units.push({ t: 'step', thread: s.thread, ...step });
    }
  }

  // Fold runs of units that repeat the one before them step for step, with nothing in between.
  const out: DiagramItem[] = [];
  const same = (a: Unit, b: Unit) =>
    a.thread === b.thread &&
    a.kind === b.kind &&
    a.steps.length === b.steps.length &&
    a.steps.every((x, i) => x.label === b.steps[i]?.label);
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (!u || 't' in u) {
      if (u) out.push(u);
      continue;
    }
    for (const s of u.steps) out.push({ t: 'step', thread: u.thread, ...s });
    let j = i;
    for (let k = i + 1; k < units.length; k++) {
      const next = units[k];
      if (!next || 't' in next || !same(u, next)) break;
      j = k;
    }
    const last = units[j];
    if (j > i && last && !('t' in last)) {
      out.push({ t: 'fold', thread: u.thread, text: `... the same for ${slots(u.slot + 1, last.slot)}` });
      i = j;
    }
  }
  const rest = run.steps.length - shown.length;
  if (rest > 0)
    out.push({
      t: 'cut',
      text: `... ${rest} more step${rest === 1 ? '' : 's'} to the end (--full shows them)`,
    });
  return out;
}
