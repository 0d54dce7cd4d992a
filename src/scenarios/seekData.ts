import { commit, lore, type Scenario } from './scenario.ts';
import { race } from './catalog.ts';

export const seekData: Scenario = {
  ...race('seek-data'),
  story:
    'khugepaged collapses four written pages of a tmpfs file while a process calls lseek(fd, 0, SEEK_DATA). On v6.3 the not-yet-uptodate huge page sits in the page cache, lseek takes it for a hole and answers ENXIO: "no data", although every byte is still there. Patch 4/4 keeps the old pages in the cache until the huge page is uptodate.',
  narration: [
    {
      at: 2,
      step: 'alloc',
      text: 'khugepaged allocates the huge page: locked later, not uptodate, not in the cache yet.',
    },
    { at: 5, step: 'scan', text: 'Slot 0 holds page A. Collapse trylocks it and takes a reference.' },
    {
      at: 8,
      step: 'freeze',
      text: 'v6.3 freezes A (refcount 3 -> 0) and stores the huge page in slot 0 right away. The huge page is locked and NOT uptodate.',
    },
    {
      at: 9,
      step: 'inode_lock',
      text: 'lseek(SEEK_DATA, 0) takes the inode lock. Collapse does not take it, so nothing keeps them apart.',
    },
    {
      at: 10,
      step: 'find',
      text: 'The lockless lookup finds the huge page in slot 0 and takes a reference (it is not frozen).',
    },
    {
      at: 11,
      step: 'decide',
      text: 'A !uptodate shmem page means "fallocated, never written": a hole. The huge page spans all 4 slots, so the search jumps past the whole range.',
    },
    {
      at: 12,
      step: 'find',
      text: 'Nothing after the range: SEEK_DATA returns ENXIO. Userspace is told the file has no data. Invariant I1 breaks.',
    },
    {
      at: 31,
      step: 'publish',
      text: 'Only now does the huge page become uptodate. From here on SEEK_DATA would answer 0 again.',
    },
  ],
  sources: [
    lore("Peter Xu's review of v6 4/4", 'ZCyU26ZLSKqLj+kA@x1n'),
    lore(
      '[PATCH v6 4/4] mm/khugepaged: maintain page cache uptodate flag',
      '20230404120117.2562166-5-stevensd@google.com',
    ),
    commit('a2e17cc2efc7', 'mm/khugepaged: maintain page cache uptodate flag'),
  ],
};
