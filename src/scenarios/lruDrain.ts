import { commit, lore, type Scenario } from './scenario.ts';
import { race } from './catalog.ts';

export const lruDrain: Scenario = {
  ...race('lru-drain'),
  story:
    "Slot 2 was swapped out. Collapse swaps it back in, but the new page waits in this CPU's lru_add batch without PG_lru, so isolate_lru_page fails: SCAN_DEL_PAGE_LRU, every time. Patch 1/4 drains the batch after the swap-in.",
  narration: [
    {
      at: 14,
      step: 'get_folio',
      text: "shmem_get_folio swaps slot 2 in: a new locked page, which goes into this CPU's lru batch (no PG_lru yet).",
    },
    { at: 15, step: 'isolate', text: 'isolate_lru_page needs PG_lru: it fails. SCAN_DEL_PAGE_LRU.' },
    {
      at: 16,
      step: 'rollback',
      text: 'Rollback puts pages A and B back. The next attempt fails the same way until something drains the batch.',
    },
  ],
  sources: [
    lore(
      '[PATCH v6 1/4] mm/khugepaged: drain lru after swapping in shmem',
      '20230404120117.2562166-2-stevensd@google.com',
    ),
    commit('efa3d814fad1', 'mm/khugepaged: drain lru after swapping in shmem'),
  ],
};
