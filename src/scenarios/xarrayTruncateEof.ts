import { commit, type Scenario, type SourceLink } from './scenario.ts';
import { race } from './catalog.ts';

const src612 = (file: string, line: number, what: string): SourceLink => ({
  title: `${what} (${file}:${line}, 6.12.117)`,
  url: `https://elixir.bootlin.com/linux/v6.12.117/source/${file}#L${line}`,
});

// Issue #12's follow-up, found by the explorer (explorer/kernel/findsXarrayUndo.test.ts): the schedule
// is the shortest that leaves all four pages' data past EOF (the shortest break leaves only page 4's).
export const xarrayTruncateEof: Scenario = {
  ...race('xarray-truncate-eof'),
  story:
    "ftruncate to 2 pages races collapse_file on a file whose pages 2-3 are holes, in an xarray of 4-slot nodes: leaf 0 holds pages 0-3, leaf 1 pages 4-7. Truncate's first pass cannot lock pages 4-7 (collapse holds them). Its second pass walks leaf 0, finds only holes, and at the leaf's end climbs to the upper node just after collapse has stored the huge page there: slot 1 is now a sibling entry, which xas_find skips. The batch comes back empty, so truncate returns without ever seeing the huge page, and its pages 4-7 keep their old data beyond i_size: extend the file again and read() returns it. On v6.12+xas-fix the walk goes back to the huge page and zeroes everything past the end. Found by the model's complete search, not yet on a real kernel.",
  narration: [
    {
      at: 43,
      step: 'copy_all',
      text: 'Collapse holds pages 0, 1 and 4-7 locked and has copied them into the private huge page; 2 and 3 are holes it will fill with zeros.',
    },
    {
      at: 45,
      step: 'inode_lock',
      text: 'ftruncate(fd, 2 pages): shmem_setattr lowers i_size to 2 under the inode lock, then shmem_undo_range clears everything from index 2 on.',
    },
    {
      at: 62,
      step: 'fl_xas_reload',
      text: 'Pass 1 (find_lock_entries) only trylocks: pages 4-7 are locked by collapse, so each is dropped from the batch. The batch is empty; the edge step at index 2 finds a hole.',
    },
    {
      at: 67,
      step: 'fg_xas_next',
      text: 'Pass 2 (find_get_entries) starts at index 2 under RCU: slots 2 and 3 of leaf 0 are holes. Its next read is past the end of leaf 0.',
    },
    {
      at: 71,
      step: 'xa_store_slot',
      text: 'Collapse publishes upper slot 0: the huge page replaces the pointer to leaf 0.',
    },
    {
      at: 73,
      step: 'xa_store_slot',
      text: 'Upper slot 1 becomes a sibling entry pointing back at slot 0 (leaf 1, with the old pages 4-7, is freed next). The huge page covers all 8 pages, and its pages 4-7 hold the old data 5-8.',
    },
    {
      at: 79,
      step: 'fg_xas_climb',
      text: 'Truncate climbs from the freed leaf 0 to the upper node and goes on at offset 1, without re-reading slot 0.',
    },
    {
      at: 80,
      step: 'fg_xas_next',
      text: 'Upper slot 1 is a sibling: xas_find skips it, as if its huge page had been returned. Nothing else is left: the batch is empty with index == start, so shmem_undo_range is done. On v6.12+xas-fix the walk goes back to slot 0 and zeroes pages 2-7 of the huge page.',
    },
    {
      at: 81,
      step: 'finish',
      text: 'Truncate returns. Pages 4-7 of the huge page still hold 5, 6, 7, 8 past i_size: I13 breaks. An ftruncate back to 8 pages would make read() return them.',
    },
  ],
  sources: [
    src612('mm/shmem.c', 1103, 'shmem_undo_range: find_get_entries in the second pass'),
    src612('mm/shmem.c', 1106, 'an empty batch at start ends the truncate'),
    src612('mm/shmem.c', 1259, 'shmem_setattr lowers i_size first'),
    src612('lib/xarray.c', 1282, 'xas_find climbs to the parent'),
    src612('lib/xarray.c', 1292, 'xas_find skips sibling entries'),
    src612('mm/truncate.c', 218, 'truncate_inode_partial_folio zeroes past EOF'),
    src612('mm/khugepaged.c', 2185, "collapse_file's final xas_store"),
    commit('6b24ca4a1a8d', 'mm: Use multi-index entries in the page cache'),
  ],
};
