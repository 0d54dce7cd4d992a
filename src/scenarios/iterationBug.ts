import { commit, lore, type Scenario } from './scenario.ts';
import { race } from './catalog.ts';

export const iterationBug: Scenario = {
  ...race('iteration-bug'),
  story:
    'Patch 4/4 removed the per-slot store that used to move the xarray cursor. With DEBUG_VM off, an xas_set(index) left the cursor on the page just collected, so the next xas_next returned it again; its trylock fails because collapse itself holds it: SCAN_PAGE_LOCK, MADV_COLLAPSE fails with EAGAIN. Andres Freund reported it; c8a8f3b4a95a fixed it for v6.4.',
  narration: [
    {
      at: 8,
      step: 'freeze',
      text: 'Page A passes the count check and joins the list; the cursor is now in its restart state.',
    },
    {
      at: 9,
      step: 'scan',
      text: 'xas_next re-reads index 0 instead of 1: page A again, locked by collapse itself. Trylock fails: SCAN_PAGE_LOCK.',
    },
    { at: 10, step: 'rollback', text: 'Rollback. MADV_COLLAPSE returns EAGAIN, every time.' },
  ],
  sources: [
    lore("Andres Freund's report", '20230620205547.qzmivkjox2hkpzmm@awork3.anarazel.de'),
    commit('c8a8f3b4a95a', 'mm/khugepaged: fix iteration in collapse_file'),
  ],
};
