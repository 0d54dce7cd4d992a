// Roles replace the actor-name lists the invariants, status, run and setup code used to keep.
import { describe, expect, it } from 'vitest';
import { ACTORS } from './actors/index.ts';
import { createWorld, parseSetup } from './setup.ts';
import { isDaemon, userActors } from './roles.ts';
import type { ActorKind } from './types.ts';

const withRole = (pick: (k: ActorKind) => boolean) => (Object.keys(ACTORS) as ActorKind[]).filter(pick);

describe('actor roles', () => {
  it('name the observers, instantiators, daemons and the collapse', () => {
    expect(withRole((k) => ACTORS[k].roles?.observer !== undefined)).toEqual([
      'seek_data',
      'seek_hole',
      'mincore',
      'read',
    ]);
    expect(withRole((k) => ACTORS[k].roles?.observer?.premise === 'resident')).toEqual(['mincore']);
    expect(withRole((k) => ACTORS[k].roles?.instantiator === true)).toEqual([
      'read',
      'write',
      'fault',
      'fallocate',
      'gup_fast',
      'pin',
    ]);
    expect(withRole((k) => ACTORS[k].roles?.daemon !== undefined)).toEqual(['uffd_monitor']);
    expect(withRole((k) => ACTORS[k].roles?.collapser !== undefined)).toEqual(['collapse', 'khugepaged']);
  });

  it('a daemon is started by the setup that needs it and cannot be named', () => {
    expect(userActors()).not.toContain('uffd_monitor');
    const start = (slots: string, threads: string) => {
      const p = parseSetup('v6.4', slots, threads);
      if (!p.ok) throw new Error(p.error.message);
      return createWorld(p.value).threads.map((t) => [t.actor, isDaemon(t)]);
    };
    expect(start('P.', 'collapse')).toEqual([['collapse', false]]);
    expect(start('P.|uffd', 'collapse')).toEqual([
      ['collapse', false],
      ['uffd_monitor', true],
    ]);
    expect(start('P.', 'uffd_register')).toEqual([
      ['uffd_register', false],
      ['uffd_monitor', true],
    ]);
    const named = parseSetup('v6.4', 'P.', 'uffd_monitor');
    expect(named.ok ? null : named.error.message).toBe('threads: unknown actor "uffd_monitor" at column 1');
  });
});
