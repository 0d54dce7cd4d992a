// Each deferred actor's stub says what its program says (the kind, the parameter and its range, the
// entry step), so a setup parses and builds the same world before and after the programs load; each tree
// program is the first render's program plus its tree steps; and the registry keeps its order with the
// programs in place.
import { describe, expect, it } from 'vitest';
import { DEFERRED_PROGRAMS, TREE_PROGRAMS } from './all.ts';
import { collapse, khugepaged } from './collapse/index.ts';
import { seekData, seekHole } from './seek.ts';
import { DEFERRED_STUBS, isStub } from './deferred.ts';
import { ACTOR_KINDS, ACTORS, unloadedActors } from './index.ts';

describe('deferred actors', () => {
  it.each(Object.entries(DEFERRED_STUBS))('%s: the stub matches its program', (kind, stub) => {
    const program = DEFERRED_PROGRAMS[kind as keyof typeof DEFERRED_PROGRAMS];
    expect(stub.kind).toBe(program.kind);
    expect(stub.entry).toBe(program.entry);
    expect(stub.entryOn).toBe(program.entryOn);
    expect(stub.roles?.daemon).toBeUndefined();
    expect(program.roles?.daemon).toBeUndefined();
    expect(stub.param === null).toBe(program.param === null);
    if (stub.param && program.param) {
      expect([stub.param.name, stub.param.min]).toEqual([program.param.name, program.param.min]);
      for (const n of [1, 2, 4, 16, 512]) expect(stub.param.max(n)).toBe(program.param.max(n));
    }
    expect(Object.keys(stub.steps)).toEqual([]);
  });

  it('once registered, the registry holds every program, in the notation order', () => {
    expect(Object.keys(ACTORS)).toEqual([...ACTOR_KINDS]);
    for (const [kind, program] of Object.entries(DEFERRED_PROGRAMS)) {
      expect(ACTORS[kind as keyof typeof DEFERRED_PROGRAMS]).toBe(program);
      expect(isStub(ACTORS[kind as keyof typeof DEFERRED_PROGRAMS])).toBe(false);
    }
    expect(unloadedActors([{ actor: 'collapse' }, { actor: 'mincore' }])).toEqual([]);
  });

  it('a stub is told apart from a program', () => {
    expect(isStub(DEFERRED_STUBS.mincore)).toBe(true);
    expect(isStub(ACTORS.collapse)).toBe(false);
  });

  const FIRST_RENDER = { collapse, khugepaged, seek_data: seekData, seek_hole: seekHole };
  it.each(Object.entries(TREE_PROGRAMS))(
    '%s: the tree program adds steps and changes nothing else',
    (kind, tree) => {
      const first = FIRST_RENDER[kind as keyof typeof FIRST_RENDER];
      expect(ACTORS[kind as keyof typeof TREE_PROGRAMS]).toBe(tree);
      for (const key of ['kind', 'roles', 'cursor', 'param', 'entry', 'entryOn'] as const)
        expect(tree[key]).toBe(first[key]);
      for (const [id, def] of Object.entries(first.steps)) expect(tree.steps[id]).toBe(def);
      const added = Object.keys(tree.steps).filter((id) => !(id in first.steps));
      expect(added.length).toBeGreaterThan(0);
      expect(added.every((id) => /^(xa_|ps_xas_)/.test(id))).toBe(true);
    },
  );
});
