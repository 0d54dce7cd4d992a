// The actors whose programs the page loads after its first render (`all.ts` registers them): until then
// the registry holds a stub for each, with what parsing a setup and building its world need (the kind,
// the parameter, the entry step) and no steps. Node code (the CLI, the explorer, the workers, the tests)
// imports the engine through `index.ts`, which registers them at once; the page imports `core.ts` and
// loads them before it builds a world with one of them (store/deferredActors.ts). A test checks that
// every stub says what its program says (deferred.test.ts).

import type { ActorProgram } from '../program.ts';
import type { ActorKind } from './index.ts';

export type DeferredKind =
  | 'mincore'
  | 'read'
  | 'write'
  | 'fault'
  | 'fallocate'
  | 'punch'
  | 'truncate'
  | 'gup_fast'
  | 'pin'
  | 'swapout'
  | 'lru_drain'
  | 'memcg_move';

type Param = ActorProgram['param'];
const page: Param = { name: 'index', min: 0, max: (n: number) => n - 1 };

const stub = (kind: ActorKind, param: Param, entry: string): ActorProgram => ({
  kind,
  param,
  steps: {},
  entry,
  listing: () => [],
  // Never drawn: a world is built only once the real program is registered.
  cursor: { at: 'none', verb: '' },
});

export const DEFERRED_STUBS: Readonly<Record<DeferredKind, ActorProgram>> = {
  mincore: stub('mincore', null, 'walk'),
  read: stub('read', page, 'get'),
  write: stub('write', page, 'inode_lock'),
  fault: stub('fault', page, 'mmap_lock'),
  fallocate: stub('fallocate', page, 'inode_lock'),
  punch: stub('punch', { name: 'index', min: 0, max: (n: number) => n - 1 }, 'inode_lock'),
  truncate: stub('truncate', { name: 'new size in pages', min: 0, max: (n: number) => n - 1 }, 'inode_lock'),
  gup_fast: stub('gup_fast', page, 'read_pte'),
  pin: stub('pin', page, 'read_pte'),
  swapout: stub('swapout', { name: 'index', min: 0, max: (n: number) => n - 1 }, 'isolate'),
  lru_drain: stub('lru_drain', null, 'drain'),
  memcg_move: stub('memcg_move', null, 'walk'),
};

const STUBS: ReadonlySet<ActorProgram> = new Set(Object.values(DEFERRED_STUBS));

/** True while `program` is a stub (its actor's code has not been registered yet). */
export const isStub = (program: ActorProgram): boolean => STUBS.has(program);
