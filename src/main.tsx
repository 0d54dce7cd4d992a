import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { HashInit } from './store/index.ts';
import { createSimStore, initFromQuery } from './store/index.ts';
import { App } from './ui/App.tsx';
import { EmbedApp } from './ui/embed/EmbedApp.tsx';
import { StoreProvider } from './ui/storeContext.tsx';
import './ui/styles.css';
import './ui/features.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

/**
 * The session comes from a replay link (#r=...), else the setup query (?kernel=&slots=...), else the
 * default race. Both are only decoded and validated, never executed; a bad link leaves its message.
 */
function boot(el: HTMLElement, fromHash: HashInit) {
  // Marks let the benchmark and devtools read how long building the store and the first render took
  // (see useFirstRenderMark).
  performance.mark('collapse-lab:store-start');
  const store = createSimStore(
    fromHash.init ?? { ...initFromQuery(window.location.search).init, linkError: fromHash.error },
  );
  performance.measure('collapse-lab:store', 'collapse-lab:store-start');
  const embed = new URLSearchParams(window.location.search).get('embed') === '1';
  if (embed) document.documentElement.classList.add('embed-mode');
  performance.mark('collapse-lab:render-start');
  const reactRoot = createRoot(el);
  // Rendered in this task rather than a task the scheduler posts: the page has nothing else to show
  // first, and waiting for that task only delayed the first paint (by 6-18 ms here).
  flushSync(() =>
    reactRoot.render(
      <StrictMode>
        <StoreProvider store={store}>{embed ? <EmbedApp /> : <App />}</StoreProvider>
      </StrictMode>,
    ),
  );
}

// The replay codec loads only for a page opened with a link, which keeps it out of the main bundle.
const hash = window.location.hash;
if (/^#(?:.*&)?r=/.test(hash)) {
  void import('./store/link.ts').then(
    (m) => boot(root, m.initFromHash(hash)),
    (e: unknown) => boot(root, { init: null, error: `the link reader failed to load (${String(e)})` }),
  );
} else boot(root, { init: null, error: null });
