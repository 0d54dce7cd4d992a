import { commit, lore, type Scenario } from './scenario.ts';
import { race } from './catalog.ts';

export const mincore: Scenario = {
  ...race('mincore'),
  story:
    'A process has page A mapped and calls mincore while khugepaged collapses the range. Collapse unmaps A and replaces it with the !uptodate huge page; mincore sees no PTE, looks the page cache up, finds the huge page and reports A as not in memory, even if it was mlocked.',
  narration: [
    { at: 7, step: 'unmap', text: "try_to_unmap clears the process's PTE for A under the page table lock." },
    { at: 9, step: 'freeze', text: 'v6.3 freezes A and puts the !uptodate huge page in slot 0.' },
    { at: 10, step: 'walk', text: 'mincore walks the page table, holding its lock (PTL).' },
    {
      at: 11,
      step: 'pte',
      text: 'PTE 0 is empty now, so mincore_page looks slot 0 up in the page cache: the huge page.',
    },
    {
      at: 12,
      step: 'page',
      text: 'The huge page is not uptodate: mincore reports 0 for a page whose data is in memory. Invariant I2 breaks.',
    },
  ],
  sources: [
    lore(
      '[PATCH v6 0/4] mm/khugepaged: fixes for khugepaged+shmem',
      '20230404120117.2562166-1-stevensd@google.com',
    ),
    commit('a2e17cc2efc7', 'mm/khugepaged: maintain page cache uptodate flag'),
  ],
};
