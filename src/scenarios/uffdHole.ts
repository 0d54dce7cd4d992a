import { commit, lore, type Scenario } from './scenario.ts';
import { race } from './catalog.ts';

export const uffdHole: Scenario = {
  ...race('uffd-hole'),
  story:
    'Slot 2 is a hole in a range registered with userfaultfd MISSING: the monitor (e.g. post-copy live migration) must supply it. v6.3 fills the hole with zeros inside the huge page, so the fault raises no event and the process reads zeros. Patch 3/4 leaves holes empty and backs off when a VMA has userfaultfd MISSING.',
  narration: [
    {
      at: 13,
      step: 'scan',
      text: 'Slot 2 is a hole. v6.3 charges it and stores the huge page there: the hole is filled. Invariant I9 breaks.',
    },
    { at: 21, step: 'copy_one', text: 'Sub-page 2 of the huge page is zeroed.' },
    {
      at: 28,
      step: 'get',
      text: 'The process touches slot 2: the lookup finds the huge page, not a hole, so no userfaultfd event is raised.',
    },
    { at: 31, step: 'map', text: 'The process maps zeros where the monitor was to put the real data.' },
  ],
  sources: [
    lore(
      '[PATCH v6 3/4] mm/khugepaged: skip shmem with userfaultfd',
      '20230404120117.2562166-4-stevensd@google.com',
    ),
    commit('ac492b9c70ca', 'mm/khugepaged: skip shmem with userfaultfd'),
  ],
};
