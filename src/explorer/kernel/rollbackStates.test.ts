// Model 2's rollback in the kernel's order, and the in-between states it makes reachable.

import { describe, expect, it } from 'vitest';
import { explore } from '../explore.ts';
import { createKernelModel } from './kernelModel.ts';
import { runSchedule } from '../../engine/run.ts';
import { createWorld, parseSetup, type Setup } from '../../engine/setup.ts';
import type { World } from '../../engine/types.ts';

function setupOf(kernel: string, slots: string, threads: string, model: number): Setup {
  const p = parseSetup(kernel, slots, threads);
  if (!p.ok) throw new Error(p.error.message);
  return { ...p.value, model };
}
const run = (s: Setup) => runSchedule(createWorld(s), []);
const now = () => 0;

/** Slot 0 holds its own page again, unlocked, while slot 1 still holds the locked, !uptodate huge page. */
function halfRestored(w: World): boolean {
  const [a, b] = [w.slots[0], w.slots[1]];
  if (a?.t !== 'folio' || b?.t !== 'folio') return false;
  const [fa, fb] = [w.folios[a.folio], w.folios[b.folio]];
  return !!fa && !!fb && !fa.huge && fa.locked === null && fb.huge && fb.locked !== null && !fb.uptodate;
}

/** v6.4: the first old page is unlocked and put back while the second is still locked by collapse,
 * and nobody holds xa_lock. */
function putBackOneByOne(w: World): boolean {
  const t = w.threads[0];
  const [a, b] = [w.slots[0], w.slots[1]];
  if (!t || t.pc !== 'rb_putback' || a?.t !== 'folio' || b?.t !== 'folio') return false;
  return w.locks.xa === null && w.folios[a.folio]?.locked === null && w.folios[b.folio]?.locked === 0;
}

function reachable(s: Setup, watch: (w: World) => boolean): boolean {
  const model = createKernelModel(s, { watch });
  const r = explore(model, { now });
  expect(r.complete).toBe(true);
  return model.watched.state !== null;
}

describe('rollback as the kernel does it (model 2)', () => {
  it('v6.3: unlock and flush, retake xa_lock, restore page by page with xa_lock dropped between', () => {
    const r = run(setupOf('v6.3', 'PP.S', 'collapse', 2));
    const labels = r.steps.filter((x) => x.thread === 0).map((x) => x.label);
    const i = labels.indexOf('xa_unlocked: try_to_unmap_flush');
    expect(i).toBeGreaterThan(0);
    expect(labels.slice(i)).toEqual([
      'xa_unlocked: try_to_unmap_flush',
      'xas_lock_irq; shmem_uncharge(nr_none)',
      'page_ref_unfreeze(page, 2); xas_store(page); xas_pause; xas_unlock_irq',
      'unlock_page(page); putback_lru_page(page)',
      'xas_lock_irq',
      'page_ref_unfreeze(page, 2); xas_store(page); xas_pause; xas_unlock_irq',
      'unlock_page(page); putback_lru_page(page)',
      'xas_lock_irq',
      'xas_for_each done: xas_unlock_irq',
      'hpage->mapping = NULL; unlock_page(hpage); put_page(hpage)',
    ]);
    const w = r.world;
    expect(w.threads[0]?.result).toBe('SCAN_DEL_PAGE_LRU');
    expect(w.slots.map((e) => e.t)).toEqual(['folio', 'folio', 'empty', 'folio']);
    expect(w.nrpages).toBe(3);
    expect(Object.values(w.folios).every((f) => !f.huge && f.locked === null)).toBe(true);
  });

  it('v6.3: a restored, unlocked page beside the locked !uptodate huge page is reachable (not on model 1)', () => {
    expect(reachable(setupOf('v6.3', 'PPS', 'collapse', 2), halfRestored)).toBe(true);
    expect(reachable(setupOf('v6.3', 'PPS', 'collapse', 1), halfRestored)).toBe(false);
  });

  it('v6.4: xa_lock only to uncharge the holes; the old pages are put back outside it, one by one', () => {
    const r = run(setupOf('v6.4', 'P.P|uffd', 'collapse', 2));
    const labels = r.steps.filter((x) => x.thread === 0).map((x) => x.label);
    // The re-validation failed after the copy: its own goto rollback (the TLB was flushed already).
    expect(labels.slice(labels.indexOf('rollback:'))).toEqual([
      'rollback:',
      'xas_lock_irq; shmem_uncharge(nr_none); xas_unlock_irq',
      'unlock_page(page); putback_lru_page(page); put_page(page)',
      'unlock_page(page); putback_lru_page(page); put_page(page)',
      'hpage->mapping = NULL; unlock_page(hpage); put_page(hpage)',
    ]);
    expect(r.world.threads[0]?.result).toBe('SCAN_EXCEED_NONE_PTE');
    expect(r.world.nrpages).toBe(2);
    expect(reachable(setupOf('v6.4', 'PP.|uffd', 'collapse', 2), putBackOneByOne)).toBe(true);
    expect(reachable(setupOf('v6.4', 'PP.|uffd', 'collapse', 1), putBackOneByOne)).toBe(false);
  });

  it('a failure under xa_lock drops it first (xa_locked)', () => {
    // Two collapses: the second finds the first one's page locked and fails under xa_lock.
    const r = run(setupOf('v6.4', 'PP', 'collapse,collapse', 2));
    const second = r.steps.filter((x) => x.thread === 1).map((x) => x.label);
    if (second.includes('trylock_page failed: SCAN_PAGE_LOCK'))
      expect(second).toContain('xa_locked: xas_unlock_irq; try_to_unmap_flush');
    expect(r.world.locks.xa).toBeNull();
  });
});
