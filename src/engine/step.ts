// step(world, choice): the only transition. Pure and total: a choice that cannot be taken is a typed
// error, never an exception; the same world and choice give the same world and events everywhere.

import { cloneWorld } from './clone.ts';
import { checkInvariants, updateUffdGhost } from './invariants/checks.ts';
import {
  checkIncremental,
  rememberVerdicts,
  updateUffdGhostChanged,
  verdictsOf,
} from './invariants/incremental.ts';
import { startObservation, updateObservations } from './invariants/observers.ts';
import { describeBlock, runnableThreads, stepOf, threadStatus, threadStatuses } from './status.ts';
import { branchLabel, branchSource, stepLabel } from './program.ts';
import { xarrayCode } from './xarray/code.ts';
import { beginTx, EngineFault } from './tx.ts';
import type { Block, EngineEvent, ThreadId, Violation, World } from './types.ts';

export type StepError =
  | { readonly kind: 'no-such-thread'; readonly thread: number; readonly message: string }
  | { readonly kind: 'thread-finished'; readonly thread: ThreadId; readonly message: string }
  | {
      readonly kind: 'thread-blocked';
      readonly thread: ThreadId;
      readonly block: Block;
      readonly message: string;
    }
  | { readonly kind: 'engine-fault'; readonly thread: ThreadId; readonly message: string };

export type StepResult =
  | {
      readonly ok: true;
      readonly world: World;
      readonly events: readonly EngineEvent[];
      readonly violations: readonly Violation[];
      /** The threads that can take a step in the new world. */
      readonly runnable: readonly ThreadId[];
    }
  | { readonly ok: false; readonly error: StepError };

/**
 * From this many slots on, step() checks the invariants only where the step changed something
 * (invariants/incremental.ts); below it the full check is cheaper. Measured in one search each way
 * (collapse,seek_data:0[,mincore] on v6.4): the incremental check 5-10% slower at 8 and 16 slots, even at
 * 32, ahead at 512 (the full check grows with every folio and slot).
 */
export const INCREMENTAL_FROM_SLOTS = 64;

export interface StepOptions {
  /**
   * `full` checks every invariant over the whole world (checkInvariants); `incremental` only where the
   * step changed something (invariants/incremental.ts). The same violations either way. By default
   * step() picks by the world's size (INCREMENTAL_FROM_SLOTS); the search's baseline asks for `full`,
   * the property test for both.
   */
  readonly check?: 'full' | 'incremental';
}

export function step(world: World, choice: number, options: StepOptions = {}): StepResult {
  const t0 = Number.isInteger(choice) ? world.threads[choice] : undefined;
  if (!t0) {
    const message = `there is no thread ${String(choice)} (threads are 0 to ${world.threads.length - 1})`;
    return { ok: false, error: { kind: 'no-such-thread', thread: choice, message } };
  }
  const status = threadStatus(world, t0);
  if (status.t === 'done')
    return {
      ok: false,
      error: { kind: 'thread-finished', thread: t0.id, message: `T${t0.id} (${t0.actor}) has finished` },
    };
  if (status.t === 'blocked') {
    const message = `T${t0.id} (${t0.actor}) cannot step: ${describeBlock(world, status.block)}`;
    return { ok: false, error: { kind: 'thread-blocked', thread: t0.id, block: status.block, message } };
  }
  const def = stepOf(t0);
  if (!def) {
    const message = `T${t0.id} (${t0.actor}) is at unknown step ${t0.pc}`;
    return { ok: false, error: { kind: 'engine-fault', thread: t0.id, message } };
  }
  const next = cloneWorld(world);
  const label = stepLabel(def, world.flags);
  const ev: EngineEvent[] = [{ type: 'thread.stepped', thread: t0.id, step: t0.pc, label }];
  const { tx, self: t } = beginTx(next, ev, t0.id);
  try {
    startObservation(tx, t);
    def.run(tx, t);
    if (next.xa) xarrayCode().afterStep(tx); // a |xa world exists only once its code has loaded
    const first = ev[0];
    if (first?.type === 'thread.stepped') {
      const branch = first.branch;
      ev[0] = {
        ...first,
        label: branch === undefined ? label : branchLabel(def, world.flags, branch),
        src: branchSource(def, branch).key,
      };
    }
    next.clock = world.clock + 1;
    updateObservations(tx);
  } catch (e) {
    if (!(e instanceof EngineFault)) throw e;
    const message = `T${t0.id} (${t0.actor}) at ${t0.pc}: ${e.message}`;
    return { ok: false, error: { kind: 'engine-fault', thread: t0.id, message } };
  }
  const statuses = threadStatuses(next);
  for (const other of next.threads) {
    const after = statuses[other.id];
    if (after?.t !== 'blocked') continue;
    const before = other.id === t0.id ? status : threadStatus(world, world.threads[other.id] ?? other);
    if (before.t !== 'blocked') ev.push({ type: 'thread.blocked', thread: other.id, block: after.block });
  }
  let violations: Violation[];
  const full = (options.check ?? (world.n >= INCREMENTAL_FROM_SLOTS ? 'incremental' : 'full')) === 'full';
  const prevVerdicts = full ? null : verdictsOf(world);
  try {
    const c = { prev: world, next, tid: t0.id, stepId: t0.pc, step: world.clock, statuses };
    if (full) {
      violations = checkInvariants(c);
      updateUffdGhost(world, next);
    } else {
      const r = checkIncremental(c, prevVerdicts);
      violations = r.violations;
      // The ghost of a world step() made is already the rule's fixpoint for its entries (incremental.ts).
      if (prevVerdicts === null) updateUffdGhost(world, next);
      else updateUffdGhostChanged(world, next, r.changedSlots);
      rememberVerdicts(next, r.verdicts);
    }
  } catch (e) {
    if (!(e instanceof EngineFault)) throw e;
    return {
      ok: false,
      error: { kind: 'engine-fault', thread: t0.id, message: `checking invariants: ${e.message}` },
    };
  }
  for (const v of violations) ev.push({ type: 'invariant.violated', violation: v });
  return { ok: true, world: next, events: ev, violations, runnable: runnableThreads(next, statuses) };
}
