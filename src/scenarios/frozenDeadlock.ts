import { lore, type Scenario } from './scenario.ts';
import { race } from './catalog.ts';

export const frozenDeadlock: Scenario = {
  ...race('frozen-deadlock'),
  story:
    'v5 of the series kept old pages frozen (refcount 0) in the page cache during the whole collapse. mincore, holding the page table lock, looks up the frozen page and spins; collapse then needs that same lock to unmap the next page. Hugh Dickins NAKed v5 with this deadlock; v6 stopped freezing and only checks the count.',
  narration: [
    {
      at: 8,
      step: 'freeze',
      text: 'v5 freezes A (refcount 3 -> 0) but leaves it in slot 0 for the rest of the collapse.',
    },
    {
      at: 9,
      step: 'walk',
      text: 'mincore takes the page table lock and starts the walk. Its lookup of slot 0 will spin on the frozen page.',
    },
    { at: 10, step: 'scan', text: 'Collapse locks page B at slot 1.' },
    {
      at: 11,
      step: 'isolate',
      text: 'B is mapped, so collapse must unmap it and needs the page table lock that mincore holds. Nobody can move: invariant I4 breaks.',
    },
  ],
  sources: [
    lore("Hugh Dickins' NAK of v5 3/3", '866d1a75-d462-563-dfd7-1aa2971a285b@google.com'),
    lore(
      '[PATCH v5 3/3] mm/khugepaged: maintain page cache uptodate flag',
      '20230307052036.1520708-4-stevensd@google.com',
    ),
  ],
};
