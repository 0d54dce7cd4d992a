// Each actor sees only its own locals (ActorProgram<L>, LocalsOf): the compiler stops an actor's steps
// reading another actor's fields. Each `@ts-expect-error` below fails `npm run test:types` the day the
// access it marks compiles; the test itself checks that every thread still carries the whole record.
import { describe, expect, it } from 'vitest';
import type { CollapseThread } from './actors/collapse/helpers.ts';
import type { SeekLocals } from './actors/seek.ts';
import type { ActorThread } from './program.ts';
import { worldOf } from './testkit.ts';
import type { Locals } from './types.ts';

/** Accesses a seek step may and may not make: never called, only type-checked. */
export function seekStepBody(t: ActorThread<string, SeekLocals>): void {
  t.l.start = t.l.index; // its own fields
  // @ts-expect-error: the huge page is collapse's, not seek's
  void t.l.hpage;
  // @ts-expect-error: the pagelist is collapse's
  t.l.pagelist.push(0);
  // @ts-expect-error: the pass is punch's
  t.l.pass = 2;
}

/** Accesses a collapse step may and may not make. */
export function collapseStepBody(t: CollapseThread): void {
  t.l.pagelist.push(t.l.folio ?? -1);
  // @ts-expect-error: the observed values are the observers'
  t.l.vec.push(0);
  // @ts-expect-error: the range end is punch's
  void t.l.end;
}

describe("an actor's locals are its own to the compiler", () => {
  it('the checked functions exist, and every thread still carries the one plain record', () => {
    expect(typeof seekStepBody).toBe('function');
    expect(typeof collapseStepBody).toBe('function');
    const keys: (keyof Locals)[] = [
      'index',
      'folio',
      'hpage',
      'pagelist',
      'vec',
      'throughout',
      'start',
      'end',
    ];
    for (const t of worldOf('v6.4', 'PP', 'collapse,seek_data:0').threads)
      expect(Object.keys(t.l)).toEqual(expect.arrayContaining(keys));
  });
});
