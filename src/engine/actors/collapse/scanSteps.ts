// collapse_file() from the allocation through the scan loop (spec §2.1 P1-P12, §2.2 Q1-Q12).

import { pageLockFree, spinFree, took } from '../../program.ts';
import { allocFolio, getRef, lockPage, setFlag, setNrpages, setSlot, tryFreeze } from '../../tx.ts';
import { acquire, release } from '../../locks.ts';
import { addToLru, drainLru, putbackLru } from '../../lru.ts';
import { isMappedByProcess, unmapFolio } from '../../pageTable.ts';
import type { DraftFolio } from '../../tx.ts';
import { advance, at, curFolio, dropCurrent, fail, flagsOf, hpageOf, type CollapseSteps } from './helpers.ts';
import { afterScan } from './sequence.ts';

export const scanSteps = {
  alloc: {
    label: 'alloc_charge_hpage',
    text: 'Allocate the new huge page: refcount 1, not uptodate, not in the page cache.',
    src: at('alloc'),
    local: () => true, // a private page nobody else can reach
    run: (tx, t) => {
      const n = tx.w.n;
      const h = allocFolio(
        tx,
        { huge: true, index: 0, data: Array<number>(n).fill(0), uptodate: false, hpageOf: t.id },
        [{ kind: 'hpage-alloc', thread: t.id }],
      );
      h.valid = Array<boolean>(n).fill(false);
      t.l.hpage = h.id;
      advance(tx, t, 'alloc');
    },
  },
  create_range: {
    label: 'xas_lock_irq; xas_create_range',
    text: 'Take xa_lock and make sure the xarray nodes for the range exist; keep xa_lock for the scan.',
    src: at('create_range'),
    guard: (w, t) => spinFree(w, 'xa_lock', t.id),
    run: (tx, t) => {
      acquire(tx, 'xa_lock');
      advance(tx, t, 'create_range');
    },
  },
  init_hpage: {
    label: '__SetPageLocked(hpage)',
    text: 'Lock the new huge page and point it at this file and range start.',
    src: at('init_hpage'),
    run: (tx, t) => {
      const h = hpageOf(tx, t);
      lockPage(tx, h);
      setFlag(tx, h, 'mapped', true);
      advance(tx, t, 'init_hpage');
    },
  },
  scan: {
    label: 'xas_next: hole / swap / present',
    labelFor: (f) =>
      f.holesStayEmpty ? 'xas_next: hole / swap / trylock' : 'xas_next: hole (store hpage) / trylock',
    text: 'Read the slot at index (under xa_lock). Hole: charge it (v6.3..p2 also store the huge page there). Present: trylock it. Swap or fallocated: drop xa_lock and bring it in.',
    src: at('xas_next'),
    branches: {
      end: { label: 'index == end: the scan is over', src: at('scan_end') },
      truncated: { label: 'xas_next_entry -> NULL: SCAN_TRUNCATED', src: at('scan_truncated') },
      hole: {
        label: (f) =>
          f.holesStayEmpty
            ? 'xas_next -> NULL: shmem_charge (slot stays empty)'
            : 'xas_next -> NULL: shmem_charge; xas_store(hpage)',
        src: at('shmem_charge'),
      },
      retry: { label: 'xas_next -> XA_RETRY_ENTRY: SCAN_FAIL' },
      swap: { label: 'xa_is_value || !PageUptodate: xas_unlock_irq', src: at('scan_swap') },
      lock_failed: { label: 'trylock_page failed: SCAN_PAGE_LOCK', src: at('scan_page_lock') },
      trylock: { label: 'trylock_page; get_page; xas_unlock_irq', src: at('trylock_page') },
    },
    run: (tx, t) => {
      const w = tx.w;
      const flags = flagsOf(w);
      if (t.l.index >= w.n) {
        took(tx, 'end');
        t.pc = afterScan(flags);
        return;
      }
      // v6.4-rc1: a reset cursor makes xas_next return the previous index again (§2.5.4).
      const readAt = t.l.staleCursor ? t.l.index - 1 : t.l.index;
      t.l.staleCursor = false;
      const e = w.slots[readAt] ?? { t: 'empty' as const };
      if (e.t === 'empty') {
        if (t.l.index === 0 && w.slots.every((s) => s.t === 'empty')) {
          took(tx, 'truncated');
          return fail(tx, t, 'SCAN_TRUNCATED');
        }
        took(tx, 'hole');
        setNrpages(tx, 1); // shmem_charge(inode, 1)
        t.l.nrNone++;
        t.l.expected[t.l.index] = 0;
        if (!flags.holesStayEmpty) setSlot(tx, t.l.index, { t: 'folio', folio: t.l.hpage ?? -1 });
        t.l.index++;
        return;
      }
      if (e.t === 'retry') {
        took(tx, 'retry');
        return fail(tx, t, 'SCAN_FAIL');
      }
      const f = e.t === 'folio' ? tx.folio(e.folio) : null;
      if (e.t === 'swap' || (f && !f.uptodate)) {
        took(tx, 'swap');
        release(tx, 'xa_lock');
        t.pc = 'get_folio';
        return;
      }
      if (!f || f.locked !== null) {
        took(tx, 'lock_failed');
        return fail(tx, t, 'SCAN_PAGE_LOCK');
      }
      took(tx, 'trylock');
      lockPage(tx, f);
      getRef(tx, f, 'collapse-pin');
      release(tx, 'xa_lock');
      t.l.folio = f.id;
      t.pc = 'isolate';
    },
  },
  get_folio: {
    label: 'shmem_get_folio(SGP_NOALLOC)',
    text: 'Swap the page in, or zero a fallocated page and mark it uptodate; return it locked with a reference.',
    src: at('shmem_get_folio'),
    branches: {
      swapped_in: { label: 'shmem_get_folio(SGP_NOALLOC): swap in' },
      filled: { label: 'shmem_get_folio(SGP_NOALLOC): zero, mark uptodate' },
      failed: { label: 'shmem_get_folio(SGP_NOALLOC) failed: SCAN_FAIL' },
    },
    guard: (w, t) => {
      const e = w.slots[t.l.index];
      if (e?.t === 'swap') return spinFree(w, 'xa_lock', t.id);
      if (e?.t === 'folio') return pageLockFree(w, e.folio, t.id);
      return null;
    },
    run: (tx, t) => {
      const w = tx.w;
      const e = w.slots[t.l.index] ?? { t: 'empty' as const };
      let f: DraftFolio;
      if (e.t === 'swap') {
        took(tx, 'swapped_in');
        acquire(tx, 'xa_lock');
        f = allocFolio(tx, { huge: false, index: t.l.index, data: [e.value], uptodate: true, mapped: true }, [
          { kind: 'cache', thread: -1 },
          { kind: 'collapse-pin', thread: t.id },
        ]);
        lockPage(tx, f);
        setSlot(tx, t.l.index, { t: 'folio', folio: f.id });
        setNrpages(tx, 1);
        release(tx, 'xa_lock');
        addToLru(tx, f);
      } else if (e.t === 'folio') {
        f = tx.folio(e.folio);
        lockPage(tx, f);
        getRef(tx, f, 'collapse-pin');
        if (!f.uptodate) {
          took(tx, 'filled');
          f.data = f.data.map(() => 0);
          f.valid = f.valid.map(() => true);
          f.fallocUnwritten = false;
          setFlag(tx, f, 'uptodate', true);
        }
      } else {
        took(tx, 'failed'); // the page went away (ENOENT)
        return fail(tx, t, 'SCAN_FAIL');
      }
      t.l.folio = f.id;
      t.pc = flagsOf(w).drainAfterSwapin ? 'drain' : 'isolate';
    },
  },
  drain: {
    label: 'lru_add_drain()',
    text: "Patch 1/4: flush this CPU's lru batch so the page just brought in gets PG_lru.",
    src: at('lru_add_drain'),
    run: (tx, t) => {
      drainLru(tx, t.id);
      t.pc = 'isolate';
    },
  },
  isolate: {
    label: 'checks; folio_isolate_lru',
    text: 'With the page locked: it must be uptodate, small and still in this file; then take it off the LRU (needs PG_lru).',
    src: at('isolate_lru'),
    branches: {
      SCAN_FAIL: { label: '!PageUptodate(page): SCAN_FAIL', src: at('not_uptodate') },
      SCAN_PTE_MAPPED_HUGEPAGE: {
        label: 'PageTransCompound(page): SCAN_PTE_MAPPED_HUGEPAGE',
        src: at('compound'),
      },
      SCAN_TRUNCATED: { label: 'folio_mapping(folio) != mapping: SCAN_TRUNCATED', src: at('truncated') },
      SCAN_DEL_PAGE_LRU: { label: 'folio_isolate_lru failed: SCAN_DEL_PAGE_LRU' },
      isolated: { label: 'folio_isolate_lru(folio)' },
    },
    run: (tx, t) => {
      const f = curFolio(tx, t);
      const why = !f.uptodate
        ? 'SCAN_FAIL'
        : f.huge
          ? 'SCAN_PTE_MAPPED_HUGEPAGE'
          : !f.mapped
            ? 'SCAN_TRUNCATED'
            : !f.lru
              ? 'SCAN_DEL_PAGE_LRU'
              : null;
      took(tx, why ?? 'isolated');
      if (why) {
        dropCurrent(tx, t);
        return fail(tx, t, why);
      }
      setFlag(tx, f, 'lru', false);
      getRef(tx, f, 'isolation');
      t.pc = isMappedByProcess(tx.w, f) ? 'unmap' : 'relock';
    },
  },
  unmap: {
    label: 'try_to_unmap',
    text: 'Take the page table lock and clear every PTE mapping the page (the TLB flush is deferred).',
    src: at('try_to_unmap'),
    guard: (w, t) => spinFree(w, 'ptl', t.id),
    run: (tx, t) => {
      acquire(tx, 'ptl');
      unmapFolio(tx, curFolio(tx, t));
      release(tx, 'ptl');
      t.pc = 'relock';
    },
  },
  relock: {
    label: 'xas_lock_irq; xas_set(index)',
    // c8a8f3b4a95a removed the xas_set(index) (the one behind v6.4-rc1's iteration bug); v5 still had it.
    labelFor: (f) =>
      f.oldPages === 'count-keep' && !f.iterationBug ? 'xas_lock_irq' : 'xas_lock_irq; xas_set(index)',
    text: 'Take xa_lock again before the reference-count check.',
    src: at('relock'),
    guard: (w, t) => spinFree(w, 'xa_lock', t.id),
    run: (tx, t) => {
      acquire(tx, 'xa_lock');
      t.pc = 'freeze';
    },
  },
  freeze: {
    label: 'page_ref_freeze(page, 3) / page_count == 3',
    labelFor: (f) =>
      f.oldPages === 'count-keep'
        ? 'page_count(page) != 3 check'
        : f.oldPages === 'freeze-keep'
          ? 'page_ref_freeze(page, 3)'
          : 'page_ref_freeze(page, 3); xas_store(hpage)',
    text: 'The page must have exactly 3 references (cache, ours, isolation). v6.3..p3 freeze it and store the huge page in its slot; v5 freezes it in place; v6.4 only checks.',
    src: at('refcount_check'),
    branches: {
      frozen: {
        label: (f) =>
          f.oldPages === 'freeze-keep'
            ? 'page_ref_freeze(page, 3)'
            : 'page_ref_freeze(page, 3); xas_store(hpage)',
      },
      freeze_failed: { label: 'page_ref_freeze(page, 3) failed: SCAN_PAGE_COUNT' },
      count_ok: { label: 'page_count(page) == 3; list_add_tail' },
      count_failed: { label: 'page_count(page) != 3: SCAN_PAGE_COUNT' },
    },
    run: (tx, t) => {
      const flags = flagsOf(tx.w);
      const f = curFolio(tx, t);
      const counts = flags.oldPages === 'count-keep';
      const ok = counts ? f.refcount === 3 : tryFreeze(tx, f, 3);
      took(tx, counts ? (ok ? 'count_ok' : 'count_failed') : ok ? 'frozen' : 'freeze_failed');
      if (!ok) {
        release(tx, 'xa_lock');
        putbackLru(tx, f);
        dropCurrent(tx, t);
        return fail(tx, t, 'SCAN_PAGE_COUNT');
      }
      t.l.pagelist.push(f.id);
      f.collected = true;
      t.l.expected[t.l.index] = f.data[0] ?? 0;
      if (flags.oldPages === 'freeze-replace') setSlot(tx, t.l.index, { t: 'folio', folio: t.l.hpage ?? -1 });
      t.l.folio = null;
      t.l.index++;
      t.l.staleCursor = flags.iterationBug;
      t.pc = 'scan';
    },
  },
} satisfies CollapseSteps;
