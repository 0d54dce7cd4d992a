// Every actor the simulator knows, by the name the setup notation uses. This table is the one list of
// actors: ActorKind is its keys, so a new actor is its file plus one line here (and, if the page's first
// render does not need it, a stub in deferred.ts and a line in all.ts instead of an import here).

import type { ActorProgram } from '../program.ts';
import { collapse, khugepaged } from './collapse/index.ts';
import { DEFERRED_STUBS, isStub } from './deferred.ts';
import { seekData, seekHole } from './seek.ts';
import { uffdMonitor, uffdRegister } from './uffd.ts';

const D = DEFERRED_STUBS;

/** Every actor's name in the setup notation, in the page's and the suggestions' order (keep it). */
export const ACTOR_KINDS = [
  'collapse',
  'khugepaged',
  'seek_data',
  'seek_hole',
  'mincore',
  'read',
  'write',
  'fault',
  'fallocate',
  'punch',
  'truncate',
  'gup_fast',
  'pin',
  'uffd_register',
  'uffd_monitor',
  'swapout',
  'lru_drain',
  'memcg_move',
] as const;

/** An actor's name in the setup notation. */
export type ActorKind = (typeof ACTOR_KINDS)[number];

// In ACTOR_KINDS' order: Object.keys(ACTORS) is that order (userActors, the fixed fast-check seeds).
const registry: Record<ActorKind, ActorProgram> = {
  collapse,
  khugepaged,
  seek_data: seekData,
  seek_hole: seekHole,
  mincore: D.mincore,
  read: D.read,
  write: D.write,
  fault: D.fault,
  fallocate: D.fallocate,
  punch: D.punch,
  truncate: D.truncate,
  gup_fast: D.gup_fast,
  pin: D.pin,
  uffd_register: uffdRegister,
  uffd_monitor: uffdMonitor,
  swapout: D.swapout,
  lru_drain: D.lru_drain,
  memcg_move: D.memcg_move,
};

/** The programs by kind (a deferred actor's stub until all.ts has run: see deferred.ts). */
export const ACTORS: Readonly<Record<ActorKind, ActorProgram>> = registry;

export function isActorKind(s: string): s is ActorKind {
  return Object.hasOwn(ACTORS, s);
}

/** Puts the deferred actors' programs in place of their stubs, and the tree programs in place of the
 * first render's (all.ts, once). */
export function registerActors(programs: Readonly<Partial<Record<ActorKind, ActorProgram>>>): void {
  Object.assign(registry, programs);
}

/** The actors of these threads whose code is not loaded yet (empty once all.ts has run). */
export function unloadedActors(threads: readonly { readonly actor: ActorKind }[]): ActorKind[] {
  return [...new Set(threads.map((t) => t.actor))].filter((k) => isStub(ACTORS[k]));
}
