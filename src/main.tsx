import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createSimStore, initFromQuery } from './store/index.ts';
import { App } from './ui/App.tsx';
import { StoreProvider } from './ui/storeContext.tsx';
import './ui/styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// Marks let the benchmark and devtools read how long building the store and the first render took
// (see useFirstRenderMark).
performance.mark('collapse-lab:store-start');
// A setup can come from the query string; it is only parsed and validated, never executed.
const store = createSimStore(initFromQuery(window.location.search).init);
performance.measure('collapse-lab:store', 'collapse-lab:store-start');
performance.mark('collapse-lab:render-start');
createRoot(root).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
