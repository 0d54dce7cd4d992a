// Roles replace the actor-name lists the invariants, status, run and setup code used to keep.
import { describe, expect, it } from 'vitest';
import { ACTORS } from './actors/index.ts';
import { createWorld, parseSetup } from './setup.ts';
import { isDaemon, userActors } from './roles.ts';
import { threadStatus } from './status.ts';
import { step } from './step.ts';
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

  it('the registry names each program by its own kind (ActorKind is the registry keys)', () => {
    for (const k of Object.keys(ACTORS) as ActorKind[]) expect(ACTORS[k].kind).toBe(k);
  });

  it('a fault waiting on userfaultfd waits for the daemon that serves it, found by its role', () => {
    expect(withRole((k) => ACTORS[k].roles?.daemon?.serves === 'userfaultfd')).toEqual(['uffd_monitor']);
    const p = parseSetup('v6.4', 'P.|uffd', 'fault:1');
    if (!p.ok) throw new Error(p.error.message);
    let w = createWorld(p.value);
    for (let i = 0; i < 20 && w.threads[0]?.pc !== 'uffd_wait'; i++) {
      const r = step(w, 0);
      if (!r.ok) throw new Error(r.error.message);
      w = r.world;
    }
    const t0 = w.threads[0]!;
    expect(t0.pc).toBe('uffd_wait');
    expect(threadStatus(w, t0)).toEqual({ t: 'blocked', block: { kind: 'uffd', index: 1, owner: 1 } });
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
