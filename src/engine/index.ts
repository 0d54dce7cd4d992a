// The engine's public face (core.ts) with every actor's program registered: what the CLI, the explorer,
// the workers, the replay codec and the tests import. The page's first render imports core.ts instead and
// loads the rest when a setup needs it (store/deferredActors.ts).

import './actors/all.ts';

export * from './core.ts';
