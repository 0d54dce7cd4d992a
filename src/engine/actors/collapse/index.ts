// khugepaged's collapse_file() on shmem (spec §2), one program for every variant; flags pick the path.

import type { ActorProgram } from '../../program.ts';
import type { VariantFlags } from '../../variants.ts';
import { commitSteps } from './commitSteps.ts';
import { rollbackSteps } from './rollbackStep.ts';
import { scanSteps } from './scanSteps.ts';
import { xaStoreSteps } from './xaStoreSteps.ts';

function listing(flags: VariantFlags, xa = false): string[] {
  const head = flags.initHpageFirst
    ? ['alloc', 'init_hpage', 'create_range']
    : ['alloc', 'create_range', 'init_hpage'];
  const loop = [
    'scan',
    'get_folio',
    ...(flags.drainAfterSwapin ? ['drain'] : []),
    'isolate',
    'unmap',
    'relock',
    'freeze',
  ];
  const revalidate = ['revalidate_i_mmap', 'revalidate_holes', 'revalidate_check', 'relock_final'];
  const tail: Record<VariantFlags['commitOrder'], string[]> = {
    'v6.3': ['store_hpage', 'copy_one', 'publish', 'retract', 'unlock_hpage'],
    'mm-unstable': [
      'unlock_flush',
      'copy_all',
      'free_old',
      'store_hpage_relock',
      'publish',
      'retract',
      'unlock_hpage',
    ],
    p3: [
      'unlock_flush',
      'copy_all',
      ...revalidate,
      'store_hpage_locked',
      'publish',
      'retract',
      'unlock_hpage',
      'free_old',
    ],
    post: ['unlock_flush', 'copy_all', ...revalidate, 'commit', 'retract', 'unlock_hpage', 'free_old'],
  };
  // `|xa`: the final store is the tree's slot-by-slot store (xaStoreSteps.ts) right after the step that starts it.
  const store = ['store_hpage', 'store_hpage_relock', 'store_hpage_locked', 'commit'];
  const body = tail[flags.commitOrder].flatMap((id) =>
    xa && store.includes(id) ? [id, 'xa_store_slot', 'xa_free_nodes', 'xa_store_unlock'] : [id],
  );
  return [...head, ...loop, ...body, 'rollback'];
}

export const collapse: ActorProgram = {
  kind: 'collapse',
  param: null,
  steps: { ...scanSteps, ...commitSteps, ...xaStoreSteps, ...rollbackSteps },
  entry: 'alloc',
  listing,
};
