// khugepaged's collapse_file() on shmem (spec §2), one program for every variant; flags pick the path.

import type { ActorProgram, StepDef } from '../program.ts';
import { finish, firstBlock, pageLockFree, rwFree, spinFree } from '../program.ts';
import { src } from '../sources.ts';
import type { Tx } from '../tx.ts';
import {
  acquire,
  addToLru,
  allocFolio,
  drainLru,
  getFolio,
  getRef,
  isMappedByProcess,
  lockPage,
  putRef,
  putbackLru,
  release,
  setFlag,
  setNrpages,
  setSlot,
  tryFreeze,
  unfreeze,
  unlockPage,
  unmapFolio,
} from '../tx.ts';
import type { Folio, Thread, World } from '../types.ts';
import { VARIANTS, type VariantFlags } from '../variants.ts';

const KH = 'mm/khugepaged.c';
const CF = 'collapse_file';
const at = (code: string) => src(KH, CF, code);

const flagsOf = (w: World): VariantFlags => VARIANTS[w.variant].flags;
const hpageOf = (w: World, t: Thread): Folio => getFolio(w, t.l.hpage ?? -1);
const curFolio = (w: World, t: Thread): Folio => getFolio(w, t.l.folio ?? -1);
const holdsXa = (w: World, t: Thread) => w.locks.xa === t.id;

/** Where a failed collapse goes. The scan result is already set. */
function fail(tx: Tx, t: Thread, scan: string): void {
  t.l.scan = scan;
  t.pc = 'rollback';
}

/** Unlock and drop the pin on a page that failed its checks before joining the pagelist (out_unlock). */
function dropCurrent(tx: Tx, t: Thread): void {
  const f = curFolio(tx.w, t);
  unlockPage(tx, f);
  putRef(tx, f, 'collapse-pin');
  t.l.folio = null;
}

function afterLoop(flags: VariantFlags): string {
  return flags.commitOrder === 'v6.3' ? 'store_hpage' : 'unlock_flush';
}

function nextAfterCopy(t: Thread, flags: VariantFlags): string {
  if (flags.commitOrder === 'mm-unstable') return 'free_old';
  return t.l.nrNone > 0 ? 'revalidate_i_mmap' : 'relock_final';
}

function copyInto(tx: Tx, t: Thread, i: number): void {
  const h = hpageOf(tx.w, t);
  const old = t.l.pagelist.map((id) => getFolio(tx.w, id)).find((p) => p.index === i);
  const value = old ? (old.data[0] ?? 0) : 0;
  h.data[i] = value;
  h.valid[i] = true;
  tx.ev.push({ type: 'hpage.filled', folio: h.id, index: i, value });
}

/** Frees one old page after a successful collapse (mapping = NULL, unlock, drop the 3 references). */
function freeOld(tx: Tx, t: Thread, p: Folio): void {
  setFlag(tx, p, 'mapped', false);
  if (p.frozenBy !== null) unfreeze(tx, p, ['collapse-pin']);
  else {
    putRef(tx, p, 'cache', -1);
    putRef(tx, p, 'isolation');
  }
  unlockPage(tx, p);
  putRef(tx, p, 'collapse-pin');
}

/** Multi-index store of the hpage over the whole range (xas_set_order + xas_store). */
function storeHpage(tx: Tx, t: Thread): void {
  const h = hpageOf(tx.w, t);
  for (let i = 0; i < tx.w.n; i++) {
    const e = tx.w.slots[i];
    if (!(e?.t === 'folio' && e.folio === h.id)) setSlot(tx, i, { t: 'folio', folio: h.id });
  }
}

/** SetPageUptodate, the N cache references, dirty, and straight onto the LRU (a large folio skips the batch). */
function publishHpage(tx: Tx, t: Thread): void {
  const h = hpageOf(tx.w, t);
  setFlag(tx, h, 'uptodate', true);
  // page_ref_add(N - 1): the allocation reference becomes one of the N cache references.
  for (let i = 0; i < tx.w.n; i++) getRef(tx, h, 'cache', -1);
  putRef(tx, h, 'hpage-alloc');
  setFlag(tx, h, 'dirty', true);
  addToLru(tx, h);
}

const steps: Record<string, StepDef> = {
  alloc: {
    label: 'alloc_charge_hpage',
    text: 'Allocate the new huge page: refcount 1, not uptodate, not in the page cache.',
    src: at('alloc_charge_hpage'),
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
      t.pc = flagsOf(tx.w).initHpageFirst ? 'init_hpage' : 'create_range';
    },
  },
  create_range: {
    label: 'xas_lock_irq; xas_create_range',
    text: 'Take xa_lock and make sure the xarray nodes for the range exist; keep xa_lock for the scan.',
    src: at('xas_create_range'),
    guard: (w, t) => spinFree(w, 'xa_lock', t.id),
    run: (tx, t) => {
      acquire(tx, 'xa_lock');
      t.pc = flagsOf(tx.w).initHpageFirst ? 'scan' : 'init_hpage';
    },
  },
  init_hpage: {
    label: '__SetPageLocked(hpage)',
    text: 'Lock the new huge page and point it at this file and range start.',
    src: at('__SetPageLocked(hpage)'),
    run: (tx, t) => {
      const h = hpageOf(tx.w, t);
      lockPage(tx, h);
      setFlag(tx, h, 'mapped', true);
      t.pc = flagsOf(tx.w).initHpageFirst ? 'create_range' : 'scan';
    },
  },
  scan: {
    label: 'xas_next: hole / swap / present',
    labelFor: (f) =>
      f.holesStayEmpty ? 'xas_next: hole / swap / trylock' : 'xas_next: hole (store hpage) / trylock',
    text: 'Read the slot at index (under xa_lock). Hole: charge it (v6.3..p2 also store the huge page there). Present: trylock it. Swap or fallocated: drop xa_lock and bring it in.',
    src: at('xas_next(&xas)'),
    run: (tx, t) => {
      const w = tx.w;
      const flags = flagsOf(w);
      if (t.l.index >= w.n) {
        t.pc = afterLoop(flags);
        return;
      }
      // v6.4-rc1: a reset cursor makes xas_next return the previous index again (§2.5.4).
      const readAt = t.l.staleCursor ? t.l.index - 1 : t.l.index;
      t.l.staleCursor = false;
      const e = w.slots[readAt] ?? { t: 'empty' as const };
      if (e.t === 'empty') {
        if (t.l.index === 0 && w.slots.every((s) => s.t === 'empty')) return fail(tx, t, 'SCAN_TRUNCATED');
        setNrpages(tx, 1); // shmem_charge(inode, 1)
        t.l.nrNone++;
        t.l.expected[t.l.index] = 0;
        if (!flags.holesStayEmpty) setSlot(tx, t.l.index, { t: 'folio', folio: t.l.hpage ?? -1 });
        t.l.index++;
        return;
      }
      if (e.t === 'retry') return fail(tx, t, 'SCAN_FAIL');
      const f = e.t === 'folio' ? getFolio(w, e.folio) : null;
      if (e.t === 'swap' || (f && !f.uptodate)) {
        release(tx, 'xa_lock');
        t.pc = 'get_folio';
        return;
      }
      if (!f || f.locked !== null) return fail(tx, t, 'SCAN_PAGE_LOCK');
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
    src: at('SGP_NOALLOC'),
    guard: (w, t) => {
      const e = w.slots[t.l.index];
      if (e?.t === 'swap') return spinFree(w, 'xa_lock', t.id);
      if (e?.t === 'folio') return pageLockFree(w, e.folio, t.id);
      return null;
    },
    run: (tx, t) => {
      const w = tx.w;
      const e = w.slots[t.l.index] ?? { t: 'empty' as const };
      let f: Folio;
      if (e.t === 'swap') {
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
        f = getFolio(w, e.folio);
        lockPage(tx, f);
        getRef(tx, f, 'collapse-pin');
        if (!f.uptodate) {
          f.data = f.data.map(() => 0);
          f.valid = f.valid.map(() => true);
          f.fallocUnwritten = false;
          setFlag(tx, f, 'uptodate', true);
        }
      } else return fail(tx, t, 'SCAN_FAIL'); // the page went away (ENOENT)
      t.l.folio = f.id;
      t.pc = flagsOf(w).drainAfterSwapin ? 'drain' : 'isolate';
    },
  },
  drain: {
    label: 'lru_add_drain()',
    text: "Patch 1/4: flush this CPU's lru batch so the page just brought in gets PG_lru.",
    src: at('lru_add_drain()'),
    run: (tx, t) => {
      drainLru(tx, t.id);
      t.pc = 'isolate';
    },
  },
  isolate: {
    label: 'checks; isolate_lru_page',
    text: 'With the page locked: it must be uptodate, small and still in this file; then take it off the LRU (needs PG_lru).',
    src: at('isolate_lru_page'),
    run: (tx, t) => {
      const f = curFolio(tx.w, t);
      const why = !f.uptodate
        ? 'SCAN_FAIL'
        : f.huge
          ? 'SCAN_PTE_MAPPED_HUGEPAGE'
          : !f.mapped
            ? 'SCAN_TRUNCATED'
            : !f.lru
              ? 'SCAN_DEL_PAGE_LRU'
              : null;
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
    src: at('try_to_unmap('),
    guard: (w, t) => spinFree(w, 'ptl', t.id),
    run: (tx, t) => {
      acquire(tx, 'ptl');
      unmapFolio(tx, curFolio(tx.w, t));
      release(tx, 'ptl');
      t.pc = 'relock';
    },
  },
  relock: {
    label: 'xas_lock_irq; xas_set(index)',
    text: 'Take xa_lock again before the reference-count check.',
    src: at('xas_lock_irq(&xas)'),
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
    src: at('page_ref_freeze(page, 3)'),
    run: (tx, t) => {
      const flags = flagsOf(tx.w);
      const f = curFolio(tx.w, t);
      const ok = flags.oldPages === 'count-keep' ? f.refcount === 3 : tryFreeze(tx, f, 3);
      if (!ok) {
        release(tx, 'xa_lock');
        putbackLru(tx, f);
        dropCurrent(tx, t);
        return fail(tx, t, 'SCAN_PAGE_COUNT');
      }
      t.l.pagelist.push(f.id);
      t.l.expected[t.l.index] = f.data[0] ?? 0;
      if (flags.oldPages === 'freeze-replace') setSlot(tx, t.l.index, { t: 'folio', folio: t.l.hpage ?? -1 });
      t.l.folio = null;
      t.l.index++;
      t.l.staleCursor = flags.iterationBug;
      t.pc = 'scan';
    },
  },
  store_hpage: {
    label: 'xas_set_order; xas_store(hpage); xas_unlock_irq',
    text: 'v6.3: store the (still !uptodate, locked) huge page over the whole range as one entry, then drop xa_lock and flush the TLB.',
    src: at('xas_set_order'),
    run: (tx, t) => {
      storeHpage(tx, t);
      release(tx, 'xa_lock');
      t.l.index = 0;
      t.pc = 'copy_one';
    },
  },
  copy_one: {
    label: 'copy_highpage; free old page',
    text: 'v6.3: copy one old page into the huge page (or zero a hole), then clear its mapping, unfreeze, unlock and free it.',
    src: at('copy_highpage'),
    run: (tx, t) => {
      const i = t.l.index;
      copyInto(tx, t, i);
      const old = t.l.pagelist.map((id) => getFolio(tx.w, id)).find((p) => p.index === i);
      if (old) {
        freeOld(tx, t, old);
        t.l.pagelist = t.l.pagelist.filter((id) => id !== old.id);
      }
      t.l.index++;
      if (t.l.index >= tx.w.n) t.pc = 'publish';
    },
  },
  unlock_flush: {
    label: 'xas_unlock_irq; try_to_unmap_flush',
    text: 'Drop xa_lock and flush the TLB; any failure in the scan goes to rollback now.',
    src: at('try_to_unmap_flush()'),
    run: (tx, t) => {
      release(tx, 'xa_lock');
      t.pc = 'copy_all';
    },
  },
  copy_all: {
    label: 'copy_mc_highpage (each index)',
    text: 'Copy every old page into the huge page and zero the holes; the old pages stay in the cache, locked.',
    src: at('copy_highpage'),
    // Reads pages only collapse may change (it holds their locks) and writes a huge page that is still
    // private in patch 4/4's order; earlier orders already expose it in the cache.
    local: (w) => flagsOf(w).commitOrder === 'post',
    run: (tx, t) => {
      for (let i = 0; i < tx.w.n; i++) copyInto(tx, t, i);
      t.pc = nextAfterCopy(t, flagsOf(tx.w));
    },
  },
  revalidate_i_mmap: {
    label: 'i_mmap_lock_read',
    text: 'Patch 3/4: before re-checking the holes, take i_mmap (read) so the VMA list is stable.',
    src: at('userfaultfd_missing'),
    guard: (w, t) => rwFree(w, 'i_mmap', 'read', t.id),
    run: (tx, t) => {
      acquire(tx, 'i_mmap', 'read');
      t.pc = 'revalidate_holes';
    },
  },
  revalidate_holes: {
    label: 'xas_store(XA_RETRY_ENTRY) in holes',
    text: 'Take xa_lock; every slot still empty gets a retry entry, and is counted.',
    src: at('XA_RETRY_ENTRY'),
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
      t.pc = 'revalidate_check';
    },
  },
  revalidate_check: {
    label: 'nr_none_check; userfaultfd_missing(vma)',
    text: 'Fail if a hole was filled meanwhile (SCAN_PAGE_FILLED) or a VMA has userfaultfd MISSING (SCAN_EXCEED_NONE_PTE); drop i_mmap.',
    src: at('userfaultfd_missing'),
    run: (tx, t) => {
      const why =
        t.l.nrNoneCheck !== t.l.nrNone
          ? 'SCAN_PAGE_FILLED'
          : tx.w.proc.uffdMissing
            ? 'SCAN_EXCEED_NONE_PTE'
            : null;
      release(tx, 'i_mmap');
      if (why) {
        for (let i = 0; i < tx.w.n; i++) if (tx.w.slots[i]?.t === 'retry') setSlot(tx, i, { t: 'empty' });
        release(tx, 'xa_lock');
        return fail(tx, t, why);
      }
      t.pc = flagsOf(tx.w).commitOrder === 'post' ? 'commit' : 'store_hpage_locked';
    },
  },
  relock_final: {
    label: 'xas_lock_irq',
    text: 'No holes to re-check: just take xa_lock for the final store.',
    src: at('xas_lock_irq(&xas)'),
    guard: (w, t) => spinFree(w, 'xa_lock', t.id),
    run: (tx, t) => {
      acquire(tx, 'xa_lock');
      const order = flagsOf(tx.w).commitOrder;
      t.pc = order === 'post' ? 'commit' : 'store_hpage_locked';
    },
  },
  free_old: {
    label: 'free old pages',
    text: 'Each old page: mapping = NULL, drop its references, unlock it. Waiters see the mapping change and retry.',
    src: at('folio_put_refs'),
    run: (tx, t) => {
      for (const id of t.l.pagelist) freeOld(tx, t, getFolio(tx.w, id));
      t.l.pagelist = [];
      if (flagsOf(tx.w).commitOrder === 'mm-unstable') t.pc = 'store_hpage_relock';
      else finish(tx, t, 'SCAN_SUCCEED');
    },
  },
  store_hpage_relock: {
    label: 'xas_lock_irq; xas_set_order; xas_store(hpage)',
    text: 'v6.3+p1/p2: take xa_lock and store the (still !uptodate) huge page over the whole range.',
    src: at('xas_set_order'),
    guard: (w, t) => spinFree(w, 'xa_lock', t.id),
    run: (tx, t) => {
      acquire(tx, 'xa_lock');
      storeHpage(tx, t);
      release(tx, 'xa_lock');
      t.pc = 'publish';
    },
  },
  store_hpage_locked: {
    label: 'xas_set_order; xas_store(hpage); xas_unlock_irq',
    text: 'p3: store the (still !uptodate) huge page over the whole range, replacing retry entries, and drop xa_lock.',
    src: at('xas_set_order'),
    run: (tx, t) => {
      storeHpage(tx, t);
      release(tx, 'xa_lock');
      t.pc = 'publish';
    },
  },
  publish: {
    label: 'SetPageUptodate(hpage); page_ref_add',
    text: 'Only now mark the huge page uptodate, give it N cache references, mark it dirty and add it to the LRU.',
    src: at('Uptodate(hpage)'),
    run: (tx, t) => {
      publishHpage(tx, t);
      t.pc = 'retract';
    },
  },
  commit: {
    label: 'folio_mark_uptodate; xas_store(hpage)',
    text: 'Patch 4/4: mark the huge page uptodate first, then store it over the whole range in the same xa_lock section.',
    src: at('Uptodate(hpage)'),
    run: (tx, t) => {
      publishHpage(tx, t);
      storeHpage(tx, t);
      release(tx, 'xa_lock');
      t.pc = 'retract';
    },
  },
  retract: {
    label: 'retract_page_tables',
    text: 'Under i_mmap (write), try to remove the now empty page table so the next fault maps the huge page with one PMD.',
    src: at('retract_page_tables(mapping'),
    guard: (w, t) => firstBlock(rwFree(w, 'i_mmap', 'write', t.id), spinFree(w, 'ptl', t.id)),
    run: (tx, t) => {
      const p = tx.w.proc;
      const mmapBusy = tx.w.locks.mmap.writer !== null || tx.w.locks.mmap.readers.length > 0;
      if (p.pmd === 'table' && p.ptes.every((x) => x === null) && !mmapBusy) {
        p.pmd = 'none';
        tx.ev.push({ type: 'pmd.changed', pmd: 'none' });
      }
      t.pc = 'unlock_hpage';
    },
  },
  unlock_hpage: {
    label: 'unlock_page(hpage)',
    text: 'Unlock the huge page; everyone sleeping on it wakes up.',
    src: at('unlock_page(hpage)'),
    run: (tx, t) => {
      unlockPage(tx, hpageOf(tx.w, t));
      const order = flagsOf(tx.w).commitOrder;
      if (order === 'post' || order === 'p3') t.pc = 'free_old';
      else finish(tx, t, 'SCAN_SUCCEED');
    },
  },
  rollback: {
    label: 'rollback',
    text: 'Undo: uncharge the holes, put every old page back (unfreeze it, restore its slot, empty the holes the scan filled), unlock them, free the huge page.',
    src: at('shmem_uncharge'),
    guard: (w, t) => (holdsXa(w, t) ? null : spinFree(w, 'xa_lock', t.id)),
    run: (tx, t) => {
      const w = tx.w;
      if (!holdsXa(w, t)) acquire(tx, 'xa_lock');
      if (t.l.nrNone > 0) setNrpages(tx, -t.l.nrNone);
      const h = t.l.hpage === null ? null : hpageOf(w, t);
      if (h) {
        const owned = new Set(t.l.pagelist.map((id) => getFolio(w, id).index));
        w.slots.forEach((e, i) => {
          if (e.t === 'folio' && e.folio === h.id && !owned.has(i)) setSlot(tx, i, { t: 'empty' });
        });
      }
      for (const id of t.l.pagelist) {
        const p = getFolio(w, id);
        if (p.frozenBy !== null) unfreeze(tx, p, ['cache', 'isolation']);
        else putRef(tx, p, 'collapse-pin');
        const e = w.slots[p.index];
        if (!(e?.t === 'folio' && e.folio === p.id)) setSlot(tx, p.index, { t: 'folio', folio: p.id });
        unlockPage(tx, p);
        putbackLru(tx, p);
      }
      t.l.pagelist = [];
      release(tx, 'xa_lock');
      if (h) {
        setFlag(tx, h, 'mapped', false);
        if (h.locked === t.id) unlockPage(tx, h);
        putRef(tx, h, 'hpage-alloc');
        t.l.hpage = null;
      }
      finish(tx, t, t.l.scan);
    },
  },
};

function listing(flags: VariantFlags): string[] {
  const head = flags.initHpageFirst
    ? ['alloc', 'init_hpage', 'create_range']
    : ['alloc', 'create_range', 'init_hpage'];
  const loop = [
    'scan',
    'get_folio',
    ...(flags.drainAfterSwapin ? ['drain'] : []),
    'isolate',
    'unmap',
    'relock',
    'freeze',
  ];
  const revalidate = ['revalidate_i_mmap', 'revalidate_holes', 'revalidate_check', 'relock_final'];
  const tail: Record<VariantFlags['commitOrder'], string[]> = {
    'v6.3': ['store_hpage', 'copy_one', 'publish', 'retract', 'unlock_hpage'],
    'mm-unstable': [
      'unlock_flush',
      'copy_all',
      'free_old',
      'store_hpage_relock',
      'publish',
      'retract',
      'unlock_hpage',
    ],
    p3: [
      'unlock_flush',
      'copy_all',
      ...revalidate,
      'store_hpage_locked',
      'publish',
      'retract',
      'unlock_hpage',
      'free_old',
    ],
    post: ['unlock_flush', 'copy_all', ...revalidate, 'commit', 'retract', 'unlock_hpage', 'free_old'],
  };
  return [...head, ...loop, ...tail[flags.commitOrder], 'rollback'];
}

export const collapse: ActorProgram = { kind: 'collapse', param: null, steps, entry: 'alloc', listing };
