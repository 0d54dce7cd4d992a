import { commit, lore, type Scenario } from './scenario.ts';
import { race } from './catalog.ts';

export const holeFilled: Scenario = {
  ...race('hole-filled'),
  story:
    'Since patch 3/4, holes stay empty during the scan, so a write() can fill one while collapse copies. Before storing the huge page, collapse re-checks its holes under xa_lock, counts one fewer and backs off with SCAN_PAGE_FILLED: the write survives. Without that check the huge page would overwrite the new data with zeros.',
  narration: [
    { at: 13, step: 'scan', text: 'Slot 2 is a hole: collapse counts it (nr_none = 1) and leaves it empty.' },
    {
      at: 22,
      step: 'alloc',
      text: 'write(2) allocates a page into the hole; xa_lock is free while collapse works unlocked.',
    },
    {
      at: 26,
      step: 'revalidate_holes',
      text: 'Collapse stores retry entries in the holes still empty: none.',
    },
    { at: 27, step: 'revalidate_check', text: 'nr_none_check (0) != nr_none (1): SCAN_PAGE_FILLED.' },
    { at: 28, step: 'rollback', text: 'Rollback: the old pages stay, the written page stays. No data lost.' },
  ],
  sources: [
    commit('ac492b9c70ca', 'mm/khugepaged: skip shmem with userfaultfd'),
    lore('[PATCH v6 3/4]', '20230404120117.2562166-4-stevensd@google.com'),
  ],
};
