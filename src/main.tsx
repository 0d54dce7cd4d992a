import { lazy, StrictMode, Suspense } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { SimInit, SimStore } from './store/index.ts';
import { createSimStore, initFromQuery } from './store/index.ts';
import { App } from './ui/App.tsx';
import { StoreProvider } from './ui/storeContext.tsx';
import { loadRaceTexts } from './scenarios/texts.ts';
import { loadDeferredActors, unloadedCodeIn } from './store/deferredActors.ts';
import './ui/styles.css';
import './ui/features.css';

// The races' narration is not in the main bundle: fetched now, beside the first render, so the seed
// race's first narrated step (step 3) has its text long before anyone reaches it. Until then a step is
// told by its paraphrase, in the same fixed-height box (nothing moves when the text arrives).
const raceTexts = loadRaceTexts();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// The embed's layout loads only in an iframe (?embed=1): the full page does not carry it.
const EmbedApp = lazy(() => import('./ui/embed/EmbedApp.tsx').then((m) => ({ default: m.EmbedApp })));
const embed = new URLSearchParams(window.location.search).get('embed') === '1';
const hasReplayHash = (hash: string) => /^#(?:.*&)?r=/.test(hash);
// A macrotask between slices of a long link's replay, so the page paints and stays responsive.
const clock = { now: () => performance.now(), pause: () => new Promise<void>((r) => setTimeout(r, 0)) };

/** Builds the store and renders the page at once. */
function boot(el: HTMLElement, init: SimInit): SimStore {
  // Marks let the benchmark and devtools read how long building the store and the first render took
  // (see useFirstRenderMark).
  performance.mark('collapse-lab:store-start');
  const store = createSimStore(init);
  performance.measure('collapse-lab:store', 'collapse-lab:store-start');
  // The embed has no setup form to show a bad setup in: the banner says it instead.
  const bad = store.getState().inputError;
  if (embed && bad && !init.linkError)
    store.setState(
      { linkError: `the setup in the address is not valid: ${bad.message}` },
      false,
      'session/init/embedSetup',
    );
  if (embed) document.documentElement.classList.add('embed-mode');
  performance.mark('collapse-lab:render-start');
  const reactRoot = createRoot(el);
  // Rendered in this task rather than a task the scheduler posts: the page has nothing else to show
  // first, and waiting for that task only delayed the first paint (by 6-18 ms here).
  flushSync(() =>
    reactRoot.render(
      <StrictMode>
        <StoreProvider store={store}>
          {embed ? (
            <Suspense fallback={null}>
              <EmbedApp />
            </Suspense>
          ) : (
            <App />
          )}
        </StoreProvider>
      </StrictMode>,
    ),
  );
  return store;
}

const fromQuery = () => initFromQuery(window.location.search).init;
// The replay codec loads only for a page opened with a link (or given one later), which keeps it out of
// the main bundle.
const loadLinkCodec = () => import('./store/link.ts');

/**
 * The session comes from a replay link (#r=...), else the setup query (?kernel=&slots=...), else the
 * default race. Both are only decoded and validated, never executed; a bad link leaves its message. A
 * long link paints its setup at once, then replays its schedule with progress.
 */
async function start(el: HTMLElement): Promise<SimStore> {
  const hash = window.location.hash;
  if (!hasReplayHash(hash)) {
    const init = fromQuery();
    // A setup naming a deferred actor (or a `|xa` one) waits for its code, so the page opens on it rather
    // than on the seed race first (a failed load is reported by loadSetup, which tries again).
    if (unloadedCodeIn(init).length > 0) await loadDeferredActors().catch(() => undefined);
    return boot(el, init);
  }
  let m: Awaited<ReturnType<typeof loadLinkCodec>>;
  try {
    m = await loadLinkCodec();
  } catch (e) {
    return boot(el, { ...fromQuery(), linkError: `the link reader failed to load (${String(e)})` });
  }
  const opening = m.openHash(hash);
  if (opening.kind === 'error') return boot(el, { ...fromQuery(), linkError: opening.error });
  if (opening.kind === 'replay') {
    const r = opening.replay;
    return boot(el, { ...m.setupInit(r.setup), choices: r.choices, cursor: r.cursor, compare: r.compare });
  }
  if (opening.kind === 'none') return boot(el, fromQuery());
  const store = boot(el, m.setupInit(opening.decoding.header.setup));
  void m.openHashInto(store, opening, clock, 'current');
  return store;
}

void start(root).then((store) => {
  // The other actors' code, so a race from the library or a typed setup loads without a wait.
  window.setTimeout(() => void loadDeferredActors().catch(() => undefined), 0);
  raceTexts.then(
    (texts) => store.getState().setRaceTexts(texts),
    (e: unknown) => console.error(`the races' narration failed to load: ${String(e)}`),
  );
  // A link pasted into an open tab: open it, or say why not (the race on screen stays). The page's own
  // hash updates use history.replaceState, which fires no hashchange.
  window.addEventListener('hashchange', () => {
    const hash = window.location.hash;
    if (!hasReplayHash(hash)) return;
    void loadLinkCodec().then(
      (m) => m.openHashInto(store, m.openHash(hash), clock, 'current'),
      (e: unknown) =>
        store.setState({ linkError: `the link reader failed to load (${String(e)})` }, false, 'session/link'),
    );
  });
});
