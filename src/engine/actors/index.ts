// Every actor the simulator knows, by the name the setup notation uses. This table is the one list of
// actors: ActorKind is its keys, so a new actor is its file plus one line here.

import type { ActorProgram } from '../program.ts';
import { collapse, khugepaged } from './collapse/index.ts';
import { fault, gupFast, pin } from './fault.ts';
import { memcgMove, mincore } from './mincore.ts';
import { punch, truncate } from './punch.ts';
import { fallocate, read, write } from './readWrite.ts';
import { lruDrain, swapout } from './reclaim.ts';
import { seekData, seekHole } from './seek.ts';
import { uffdMonitor, uffdRegister } from './uffd.ts';

export const ACTORS = {
  collapse,
  khugepaged,
  seek_data: seekData,
  seek_hole: seekHole,
  mincore,
  read,
  write,
  fault,
  fallocate,
  punch,
  truncate,
  gup_fast: gupFast,
  pin,
  uffd_register: uffdRegister,
  uffd_monitor: uffdMonitor,
  swapout,
  lru_drain: lruDrain,
  memcg_move: memcgMove,
} as const satisfies Readonly<Record<string, ActorProgram>>;

/** An actor's name in the setup notation: a key of the registry. */
export type ActorKind = keyof typeof ACTORS;

export function isActorKind(s: string): s is ActorKind {
  return Object.hasOwn(ACTORS, s);
}
