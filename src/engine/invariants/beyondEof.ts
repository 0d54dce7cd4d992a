// I13: data beyond i_size is gone once truncate returns (issue #12's follow-up: the xarray walk of
// shmem_undo_range's second pass can skip a huge page's sibling and leave its old data past EOF).

import type { World } from '../types.ts';
import { range, type Emit } from './report.ts';
import { fileValue } from './observers.ts';

/**
 * When it is judged: i_size below the range (only truncate lowers it) and the inode lock free.
 * shmem_setattr lowers i_size and runs shmem_truncate_range under the inode lock, so with the lock free
 * every truncate that started has returned; a write that extends the file does it under the same lock,
 * and what it wrote lies below the new i_size. Then every slot at or past i_size reads zeros: empty, a
 * zeroed part of a large folio truncate could not split, or a page nobody wrote. Old data there (in a
 * page, a huge page's unzeroed tail or a swap entry) would be read again once the file is extended.
 */
export function checkBeyondEof(w: World, emit: Emit): void {
  if (w.iSize >= w.n || w.locks.inode !== null) return;
  const left = range(w.iSize, w.n).filter((i) => fileValue(w, i) !== 0);
  if (left.length === 0) return;
  const values = left.map((i) => fileValue(w, i));
  emit(
    'beyond-eof',
    `truncate has returned, but slot ${left.join(', ')} past i_size (${w.iSize}) still ${left.length > 1 ? 'hold' : 'holds'} old data (${values.join(', ')}): the file reads it again once extended`,
    [],
    left,
  );
}
