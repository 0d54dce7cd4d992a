// Helpers that let tests read like a schedule written by hand ("K runs until slot 0 is replaced").
// Pure: used by tests and by the recorded races to build schedules.

import { createWorld, parseSetup } from './setup.ts';
import { threadStatus } from './status.ts';
import { step } from './step.ts';
import type { StepResult } from './step.ts';
import type { Folio, Thread, Violation, World } from './types.ts';
import { runSchedule, type RunResult } from './run.ts';

/**
 * The world of a setup; `model` pins a model version (modelVersion.ts). Tests that script collapse_file's
 * own branches step by step pin model 1 (collapse_file entered directly): model 2's entry path stops a
 * pinned or unlisted page before collapse_file, and has its own tests (actors/entry.test.ts).
 */
export function worldOf(kernel: string, slots: string, threads: string, model?: number): World {
  const p = parseSetup(kernel, slots, threads);
  if (!p.ok) throw new Error(p.error.message);
  return createWorld(model === undefined ? p.value : { ...p.value, model });
}

/** Builds a schedule by stepping threads until conditions hold. Throws when a wanted step is impossible. */
export class Script {
  world: World;
  readonly schedule: number[] = [];
  readonly violations: Violation[] = [];
  constructor(readonly initial: World) {
    this.world = initial;
  }
  static of(kernel: string, slots: string, threads: string, model?: number): Script {
    return new Script(worldOf(kernel, slots, threads, model));
  }
  thread(id: number): Thread {
    const t = this.world.threads[id];
    if (!t) throw new Error(`no thread ${id}`);
    return t;
  }
  canStep(id: number): boolean {
    return threadStatus(this.world, this.thread(id)).t === 'runnable';
  }
  step(id: number, times = 1): this {
    for (let k = 0; k < times; k++) {
      const r = step(this.world, id);
      if (!r.ok) throw new Error(`step ${this.schedule.length}: ${r.error.message}`);
      this.world = r.world;
      this.schedule.push(id);
      this.violations.push(...r.violations);
    }
    return this;
  }
  /** Steps thread id until pred holds (checked before each step); stops early if it blocks or finishes. */
  until(id: number, pred: (t: Thread, w: World) => boolean, limit = 500): this {
    for (let k = 0; k < limit; k++) {
      if (pred(this.thread(id), this.world)) return this;
      if (!this.canStep(id)) return this;
      this.step(id);
    }
    throw new Error(`T${id} did not reach the condition within ${limit} steps`);
  }
  /** Steps thread id until its next step is `pc` (optionally with the cursor at index). */
  to(id: number, pc: string, index?: number): this {
    return this.until(id, (t) => t.pc === pc && (index === undefined || t.l.index === index));
  }
  /** Runs thread id as far as it can go alone (until it finishes or blocks). */
  run(id: number): this {
    return this.until(id, (t) => t.done);
  }
  /** Finishes everything round-robin and returns the full run. */
  finish(): RunResult {
    return runSchedule(this.initial, this.schedule);
  }
}

/** Takes one step that must succeed: a refused step fails the test with the engine's own message. */
export function take(w: World, id: number): Extract<StepResult, { ok: true }> {
  const r = step(w, id);
  if (!r.ok) throw new Error(r.error.message);
  return r;
}

/** A folio's holders as `kind:thread`, in the order they were taken. */
export const holders = (f: Folio | undefined) => f?.holders.map((h) => `${h.kind}:${h.thread}`);

/** The types of a step's events, in order. */
export const kinds = (r: { readonly events: readonly { readonly type: string }[] }) =>
  r.events.map((e) => e.type);
