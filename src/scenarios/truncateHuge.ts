import { commit, type Scenario } from './scenario.ts';
import { race } from './catalog.ts';

export const truncateHuge: Scenario = {
  ...race('truncate-huge'),
  story:
    "ftruncate to one page races a collapse. Its second pass sleeps on page C, which collapse holds; after the collapse it looks the index up again, finds the huge page and, before v6.7, removes it whole, including slot 0's data that lies below the new end of file. 55ac8bbe358b makes the second pass split or zero the huge page instead.",
  narration: [
    { at: 11, step: 'isolate', text: 'Collapse holds page C (slot 2), locked.' },
    {
      at: 14,
      step: 'pass1',
      text: "Truncate's first pass only trylocks: C is locked, so it is skipped; D (slot 3) is removed.",
    },
    { at: 27, step: 'p2_check', text: 'The second pass finds C and will sleep on its lock.' },
    {
      at: 33,
      step: 'commit',
      text: 'Collapse publishes the huge page over slots 0-3 (slot 0 still holds A).',
    },
    { at: 37, step: 'p2_lock', text: 'Truncate wakes: C has left the file, so it looks slot 2 up again...' },
    {
      at: 40,
      step: 'p2_lock',
      text: '...finds the huge page and removes it whole. A, below the new end of file, is gone. Invariant I3 breaks.',
    },
  ],
  sources: [commit('55ac8bbe358b', 'mm/shmem: fix race in shmem_undo_range w/THP')],
};
