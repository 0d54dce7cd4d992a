// Taking and dropping the simulated locks, checking ownership (I6 relies on it).

import type { LockName } from './types.ts';
import { fault, type Tx } from './tx.ts';

export function acquire(tx: Tx, lock: LockName, mode: 'read' | 'write' = 'write'): void {
  const l = tx.w.locks;
  const me = tx.tid;
  switch (lock) {
    case 'xa_lock':
      if (l.xa !== null) fault(`xa_lock taken while held by ${l.xa}`);
      l.xa = me;
      break;
    case 'ptl':
      if (l.ptl !== null) fault(`PTL taken while held by ${l.ptl}`);
      l.ptl = me;
      break;
    case 'inode':
      if (l.inode !== null) fault(`inode lock taken while held by ${l.inode}`);
      l.inode = me;
      break;
    case 'i_mmap':
    case 'mmap': {
      const rw = lock === 'i_mmap' ? l.iMmap : l.mmap;
      if (rw.writer !== null || (mode === 'write' && rw.readers.length > 0))
        fault(`${lock} taken while held`);
      if (mode === 'write') rw.writer = me;
      else rw.readers.push(me);
      break;
    }
  }
  tx.ev.push({ type: 'lock.acquired', lock, by: me, mode });
}

export function release(tx: Tx, lock: LockName): void {
  const l = tx.w.locks;
  const me = tx.tid;
  const notMine = () => fault(`thread ${me} releases ${lock} it does not hold`);
  switch (lock) {
    case 'xa_lock':
      if (l.xa !== me) notMine();
      l.xa = null;
      break;
    case 'ptl':
      if (l.ptl !== me) notMine();
      l.ptl = null;
      break;
    case 'inode':
      if (l.inode !== me) notMine();
      l.inode = null;
      break;
    case 'i_mmap':
    case 'mmap': {
      const rw = lock === 'i_mmap' ? l.iMmap : l.mmap;
      if (rw.writer === me) rw.writer = null;
      else {
        const at = rw.readers.indexOf(me);
        if (at < 0) notMine();
        rw.readers.splice(at, 1);
      }
      break;
    }
  }
  tx.ev.push({ type: 'lock.released', lock, by: me });
}
