// collapse_file() after the scan: copy, re-validate holes, store, publish, retract, free (P12b-P17, Q13-Q19).

import { firstBlock, rwFree, spinFree, took } from '../../program.ts';
import { getRef, setSlot, unlockPage } from '../../tx.ts';
import { src } from '../../sources.ts';
import { isKhugepaged } from './entrySteps.ts';
import { acquire, release } from '../../locks.ts';
import { nextStep } from './sequence.ts';
import {
  advance,
  at,
  beginTreeStore,
  type CollapseSteps,
  copyInto,
  oldPagesByIndex,
  fail,
  flagsOf,
  freeOld,
  hpageOf,
  publishHpage,
  storeHpage,
} from './helpers.ts';

export const commitSteps = {
  store_hpage: {
    label: 'xas_set_order; xas_store(hpage); xas_unlock_irq',
    text: 'v6.3: store the (still !uptodate, locked) huge page over the whole range as one entry, then drop xa_lock and flush the TLB.',
    src: at('store_hpage'),
    run: (tx, t) => {
      if (tx.w.xa) return beginTreeStore(t);
      storeHpage(tx, t);
      release(tx, 'xa_lock');
      t.l.index = 0;
      advance(tx, t, 'store_hpage');
    },
  },
  copy_one: {
    label: 'copy_highpage; page_ref_unfreeze(page, 1); put_page',
    text: 'v6.3: copy one old page into the huge page (or zero a hole), then clear its mapping, unfreeze, unlock and free it.',
    src: at('copy'),
    branches: {
      hole: { label: 'clear_highpage (a hole)', src: at('clear_highpage') },
    },
    run: (tx, t) => {
      const i = t.l.index;
      const h = hpageOf(tx, t);
      const old = oldPagesByIndex(tx.w, t).get(i);
      copyInto(tx, h, i, old);
      if (!old) took(tx, 'hole');
      if (old) {
        freeOld(tx, t, tx.folio(old.id));
        t.l.pagelist = t.l.pagelist.filter((id) => id !== old.id);
      }
      t.l.index++;
      if (t.l.index >= tx.w.n) advance(tx, t, 'copy_one');
    },
  },
  unlock_flush: {
    label: 'xas_unlock_irq; try_to_unmap_flush',
    text: 'Drop xa_lock and flush the TLB; any failure in the scan goes to rollback now.',
    src: at('unmap_flush'),
    run: (tx, t) => {
      release(tx, 'xa_lock');
      advance(tx, t, 'unlock_flush');
    },
  },
  copy_all: {
    label: 'copy_mc_highpage (each index)',
    labelFor: (f) =>
      f.commitOrder === 'post' ? 'copy_mc_highpage (each index)' : 'copy_highpage (each index)',
    text: 'Copy every old page into the huge page and zero the holes; the old pages stay in the cache, locked.',
    src: at('copy'),
    // Reads pages only collapse may change (it holds their locks) and writes a huge page that is still
    // private in patch 4/4's order; earlier orders already expose it in the cache.
    local: (w) => flagsOf(w).commitOrder === 'post',
    run: (tx, t) => {
      const h = hpageOf(tx, t);
      const old = oldPagesByIndex(tx.w, t);
      for (let i = 0; i < tx.w.n; i++) copyInto(tx, h, i, old.get(i));
      // With no holes there is nothing to re-check: only xa_lock to take again (relock_final).
      const skip = t.l.nrNone === 0 && nextStep(flagsOf(tx.w), 'copy_all') === 'revalidate_i_mmap';
      if (skip) t.pc = 'relock_final';
      else advance(tx, t, 'copy_all');
    },
  },
  revalidate_i_mmap: {
    label: 'i_mmap_lock_read',
    text: 'Patch 3/4: before re-checking the holes, take i_mmap (read) so the VMA list is stable.',
    src: at('i_mmap_lock_read'),
    guard: (w, t) => rwFree(w, 'i_mmap', 'read', t.id),
    run: (tx, t) => {
      acquire(tx, 'i_mmap', 'read');
      advance(tx, t, 'revalidate_i_mmap');
    },
  },
  revalidate_holes: {
    label: 'xas_store(XA_RETRY_ENTRY) in holes',
    text: 'Take xa_lock; every slot still empty gets a retry entry, and is counted.',
    src: at('retry_entry'),
    guard: (w, t) => spinFree(w, 'xa_lock', t.id),
    run: (tx, t) => {
      acquire(tx, 'xa_lock');
      t.l.nrNoneCheck = 0;
      for (let i = 0; i < tx.w.n; i++) {
        if (tx.w.slots[i]?.t === 'empty') {
          setSlot(tx, i, { t: 'retry' });
          t.l.nrNoneCheck++;
        }
      }
      advance(tx, t, 'revalidate_holes');
    },
  },
  revalidate_check: {
    label: 'nr_none_check; userfaultfd_missing(vma)',
    text: 'Fail if a hole was filled meanwhile (SCAN_PAGE_FILLED) or a VMA has userfaultfd MISSING (SCAN_EXCEED_NONE_PTE); drop i_mmap.',
    src: at('page_filled'),
    branches: {
      SCAN_PAGE_FILLED: { label: 'nr_none != nr_none_check: SCAN_PAGE_FILLED' },
      SCAN_EXCEED_NONE_PTE: {
        label: 'userfaultfd_missing(vma): SCAN_EXCEED_NONE_PTE',
        src: at('userfaultfd_missing'),
      },
      ok: { label: 'nr_none == nr_none_check; no userfaultfd_missing vma', src: at('userfaultfd_missing') },
    },
    run: (tx, t) => {
      const why =
        t.l.nrNoneCheck !== t.l.nrNone
          ? 'SCAN_PAGE_FILLED'
          : tx.w.proc.uffdMissing
            ? 'SCAN_EXCEED_NONE_PTE'
            : null;
      took(tx, why ?? 'ok');
      release(tx, 'i_mmap');
      if (why) {
        for (let i = 0; i < tx.w.n; i++) if (tx.w.slots[i]?.t === 'retry') setSlot(tx, i, { t: 'empty' });
        release(tx, 'xa_lock');
        return fail(tx, t, why);
      }
      advance(tx, t, 'relock_final'); // the holes hold retry entries under xa_lock: relock_final is done
    },
  },
  relock_final: {
    label: 'xas_lock_irq',
    text: 'No holes to re-check: just take xa_lock for the final store.',
    src: at('relock_final'),
    guard: (w, t) => spinFree(w, 'xa_lock', t.id),
    run: (tx, t) => {
      acquire(tx, 'xa_lock');
      advance(tx, t, 'relock_final');
    },
  },
  free_old: {
    label: 'free old pages',
    labelFor: (f) =>
      f.oldPages === 'freeze-keep'
        ? 'page->mapping = NULL; page_ref_unfreeze(page, 1); unlock_page; put_page'
        : f.oldPages === 'count-keep'
          ? 'page->mapping = NULL; unlock_page; folio_put_refs(folio, 3)'
          : 'page->mapping = NULL; page_ref_unfreeze; unlock_page; put_page',
    text: 'Each old page: mapping = NULL, drop its references, unlock it. Waiters see the mapping change and retry.',
    src: at('free_old'),
    run: (tx, t) => {
      for (const id of t.l.pagelist) freeOld(tx, t, tx.folio(id));
      t.l.pagelist = [];
      advance(tx, t, 'free_old');
    },
  },
  store_hpage_relock: {
    label: 'xas_lock_irq; xas_set_order; xas_store(hpage)',
    text: 'v6.3+p1/p2: take xa_lock and store the (still !uptodate) huge page over the whole range.',
    src: at('store_hpage'),
    guard: (w, t) => spinFree(w, 'xa_lock', t.id),
    run: (tx, t) => {
      acquire(tx, 'xa_lock');
      if (tx.w.xa) return beginTreeStore(t);
      storeHpage(tx, t);
      release(tx, 'xa_lock');
      advance(tx, t, 'store_hpage_relock');
    },
  },
  store_hpage_locked: {
    label: 'xas_set_order; xas_store(hpage); xas_unlock_irq',
    text: 'p3: store the (still !uptodate) huge page over the whole range, replacing retry entries, and drop xa_lock.',
    src: at('store_hpage'),
    run: (tx, t) => {
      if (tx.w.xa) return beginTreeStore(t);
      storeHpage(tx, t);
      release(tx, 'xa_lock');
      advance(tx, t, 'store_hpage_locked');
    },
  },
  publish: {
    label: 'folio_mark_uptodate; folio_ref_add(HPAGE_PMD_NR - 1)',
    text: 'Only now mark the huge page uptodate, give it N cache references, mark it dirty and add it to the LRU.',
    src: at('mark_uptodate'),
    run: (tx, t) => {
      publishHpage(tx, t);
      advance(tx, t, 'publish');
    },
  },
  commit: {
    label: 'folio_mark_uptodate; xas_set_order; xas_store(hpage)',
    text: 'Patch 4/4: mark the huge page uptodate first, then store it over the whole range in the same xa_lock section.',
    src: at('mark_uptodate'),
    run: (tx, t) => {
      publishHpage(tx, t);
      if (tx.w.xa) return beginTreeStore(t);
      storeHpage(tx, t);
      release(tx, 'xa_lock');
      advance(tx, t, 'commit');
    },
  },
  retract: {
    label: 'retract_page_tables',
    text: 'Under i_mmap (write), try to remove the now empty page table so the next fault maps the huge page with one PMD.',
    src: at('retract'),
    guard: (w, t) => firstBlock(rwFree(w, 'i_mmap', 'write', t.id), spinFree(w, 'ptl', t.id)),
    branches: {
      trylock_failed: {
        label: 'mmap_write_trylock failed: SCAN_PTE_MAPPED_HUGEPAGE',
        src: src('retract_page_tables:trylock'),
      },
      set_huge_pmd: {
        label: 'collapse_and_free_pmd; set_huge_pmd (MADV_COLLAPSE maps it now)',
        src: src('retract_page_tables:set_huge_pmd'),
      },
      free_pmd: { label: 'collapse_and_free_pmd', src: src('retract_page_tables:collapse_and_free_pmd') },
    },
    run: (tx, t) => {
      const p = tx.w.proc;
      const mmapBusy = tx.w.locks.mmap.writer !== null || tx.w.locks.mmap.readers.length > 0;
      const emptyTable = p.pmd === 'table' && p.ptes.every((x) => x === null);
      if (tx.w.model >= 2 && mmapBusy) {
        // Model 2: retract's result is collapse_file's; the caller maps the huge page later.
        took(tx, 'trylock_failed');
        t.l.scan = 'SCAN_PTE_MAPPED_HUGEPAGE';
      } else if (tx.w.model >= 2 && emptyTable && !isKhugepaged(t)) {
        took(tx, 'set_huge_pmd');
        const h = hpageOf(tx, t);
        p.pmd = 'huge';
        p.pmdFolio = h.id;
        h.mapcount++;
        getRef(tx, h, 'pmd', -1);
        tx.ev.push({ type: 'pmd.changed', pmd: 'huge' });
      } else if (emptyTable && !mmapBusy) {
        took(tx, 'free_pmd');
        p.pmd = 'none';
        tx.ev.push({ type: 'pmd.changed', pmd: 'none' });
      }
      advance(tx, t, 'retract');
    },
  },
  unlock_hpage: {
    label: 'unlock_page(hpage)',
    text: 'Unlock the huge page; everyone sleeping on it wakes up.',
    src: at('unlock_hpage'),
    run: (tx, t) => {
      unlockPage(tx, hpageOf(tx, t));
      advance(tx, t, 'unlock_hpage');
    },
  },
} satisfies CollapseSteps;
