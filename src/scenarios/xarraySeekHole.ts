import { commit, type Scenario, type SourceLink } from './scenario.ts';
import { race } from './catalog.ts';

const src612 = (file: string, line: number, what: string): SourceLink => ({
  title: `${what} (${file}:${line}, 6.12.117)`,
  url: `https://elixir.bootlin.com/linux/v6.12.117/source/${file}#L${line}`,
});

export const xarraySeekHole: Scenario = {
  ...race('xarray-seek-hole'),
  story:
    'The page cache is an xarray: here nodes of 4 slots, so the 8-page huge range is an upper node over two leaves. lseek(fd, 0, SEEK_HOLE) walks it without locks while collapse_file stores the huge page as one multi-index entry, slot by slot. The walk climbs from the old first leaf to the upper node just after its second slot became a sibling entry, skips it as if its huge page had been returned, and answers 4: a hole in a file with none. Measured on real kernels (shared/domain/xarray.md §5): 6.12.117 under QEMU, 2 wrong answers in 8,781 collapses (both 384 pages); 6.18.44 native, 8 in about 252,000 collapses (64, 128, 192, 256, 384 pages: always a multiple of 64, the node size), about 3 x 10^-5 per collapse per reader, none in a control of 3.97 million samples. The fixed walk (not upstream) goes back to the canonical entry and answers 8.',
  narration: [
    {
      at: 51,
      step: 'commit',
      text: 'Collapse has copied all 8 pages. Under xa_lock it marks the huge page uptodate and begins the final xas_store of one multi-index entry: in the upper node, slot 0 gets the folio and slot 1 a sibling entry pointing back at slot 0.',
    },
    {
      at: 52,
      step: 'inode_lock',
      text: 'lseek(fd, 0, SEEK_HOLE) takes the inode lock (collapse does not take it) and starts find_get_entry at index 0, under RCU only.',
    },
    {
      at: 53,
      step: 'xa_xas_load',
      text: 'A fresh lookup of index 0 descends from the head into leaf 0 and finds page 0 there.',
    },
    {
      at: 54,
      step: 'xa_store_slot',
      text: 'Collapse publishes upper slot 0: the huge page replaces the pointer to leaf 0. The reader is still inside the old leaf 0, which still holds the old pages.',
    },
    {
      at: 65,
      step: 'xa_xas_reload',
      text: 'The reader has returned pages 0 to 3 of the old leaf, each re-checked by xas_reload: no retry entry yet, so each is data. Its cursor is past the last slot of leaf 0.',
    },
    {
      at: 66,
      step: 'xa_free_nodes',
      text: 'Collapse frees old leaf 0: retry entries into its slots, the node queued for RCU freeing. Too late for the reader, which re-checked page 3 already.',
    },
    {
      at: 67,
      step: 'xa_store_slot',
      text: 'Collapse publishes upper slot 1: a sibling entry pointing at slot 0 replaces the pointer to leaf 1.',
    },
    {
      at: 68,
      step: 'xa_xas_climb',
      text: 'At the end of leaf 0, xas_find climbs to the parent (the freed leaf still knows it) and continues at offset 1, without re-reading the tree above.',
    },
    {
      at: 69,
      step: 'xa_xas_next',
      text: 'Upper slot 1 is a sibling: xas_find skips it, assuming its canonical entry was returned. Index 8 is past the file, so find_get_entry finds nothing and SEEK_HOLE answers 4, a node boundary: a hole in a file with no hole. I1 breaks. On v6.12+xas-fix the walk goes back to slot 0, finds the huge page, and answers 8.',
    },
    {
      at: 70,
      step: 'xa_free_nodes',
      text: 'Collapse frees old leaf 1 and drops xa_lock. The file never had a hole; a fresh lookup anywhere finds the huge page.',
    },
  ],
  sources: [
    src612('lib/xarray.c', 1292, 'xas_find skips sibling entries'),
    src612('lib/xarray.c', 1282, 'xas_find climbs to the parent'),
    src612('lib/xarray.c', 820, 'xas_store publishes one slot at a time'),
    src612('lib/xarray.c', 538, 'xas_free_nodes writes retry entries'),
    src612('mm/filemap.c', 1988, 'find_get_entry'),
    src612('mm/khugepaged.c', 2185, "collapse_file's final xas_store"),
    commit('6b24ca4a1a8d', 'mm: Use multi-index entries in the page cache'),
  ],
};
