// Who runs next when the user does not choose: round-robin (the engine's roundRobinNext, the rule
// runSchedule finishes with) or a seeded random pick among the runnable threads.

import type { World } from '../engine/core.ts';
import { roundRobinNext, runnableThreads, step } from '../engine/core.ts';
import type { Random } from './prng.ts';

export function roundRobinChoice(w: World, last: number): number | null {
  return roundRobinNext(runnableThreads(w), last);
}

/** Steps from `w` until no thread can run (or `max` steps), returning the choices made. */
export function runOut(w: World, last: number, max: number, random: Random | null): number[] {
  const out: number[] = [];
  let world = w;
  let prev = last;
  while (out.length < max) {
    const ready = runnableThreads(world);
    if (ready.length === 0) break;
    const choice = random
      ? (ready[Math.floor(random() * ready.length)] ?? 0)
      : (roundRobinNext(ready, prev) ?? 0);
    const r = step(world, choice);
    if (!r.ok) break;
    out.push(choice);
    world = r.world;
    prev = choice;
  }
  return out;
}
