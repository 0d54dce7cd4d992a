// The roles of a thread's actor (program.ts ActorRoles), for code that reasons about every actor.

import { ACTORS } from './actors/index.ts';
import type { ActorRoles } from './program.ts';
import type { ActorKind, Thread } from './types.ts';

const NONE: ActorRoles = {};

export const rolesOf = (t: Thread): ActorRoles => ACTORS[t.actor].roles ?? NONE;

/** A daemon waiting for work is idle, not stuck, and its being unfinished does not keep a run busy. */
export const isDaemon = (t: Thread): boolean => rolesOf(t).daemon !== undefined;

/**
 * The actors a setup may name (daemons are started by the setup itself). A function, not a constant:
 * actor modules reach this file through the invariants, so ACTORS may not exist yet when it loads.
 */
export function userActors(): readonly ActorKind[] {
  return (Object.keys(ACTORS) as ActorKind[]).filter((k) => ACTORS[k].roles?.daemon === undefined);
}
