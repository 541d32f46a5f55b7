import { fetchJson } from './api.ts';
import type { Categories } from './categories.ts';
import en from './i18n/en/public.json' with { type: 'json' };
import id from './i18n/id/public.json' with { type: 'json' };
import { initTranslations } from './i18n/setup.ts';
import './map/fonts.ts';
import './app.css';
import { registerServiceWorker, registerServiceWorkerAtLoad } from './service-worker.ts';
import { keepStaticPageInLanguage, offerReportBeforeReact } from './static-page.ts';

// The public app's entry. On the map (/) it starts MapLibre in the static page (index.html) and
// loads React and the map's controls once the map has drawn: on a cheap phone the map is what a
// resident waits for, and React's download and compilation came before it. Every other page
// loads React at once. The map's code is imported, not part of this file, so that the static
// page works (language, "Laporkan") as soon as this small file has come, while MapLibre, which
// index.html preloads (web/preload-public-map.ts), is still on its way.
initTranslations('public', { id, en });
keepStaticPageInLanguage();

let app: Promise<void> | undefined;
/** React and the page, with what the entry has already fetched for it; loaded once. */
const loadApp = (categories: Promise<Categories | undefined> = Promise.resolve(undefined)) =>
  (app ??= Promise.all([import('./PublicApp.tsx'), categories])
    .then(([module, fetched]) => module.mountPublicApp({ categories: fetched })));
// Long enough for a slow phone's first tiles; a map that never draws (tiles failing) must not
// keep the resident from the form and "Laporan saya".
const controlsAtLatestMs = 8_000;

async function startMapFirst(): Promise<void> {
  // The map's legend and report button need the categories: asked for now, they are there when
  // React is, instead of one round trip after it. A failure leaves it to React to ask again.
  const categories = fetchJson<Categories>('/api/categories').catch(() => undefined);
  // A resident who wants to report does not wait for the map.
  offerReportBeforeReact(() => void loadApp(categories));
  // The map registers the service worker once it has drawn; this is for a map that never does,
  // so the app still becomes available offline.
  setTimeout(registerServiceWorker, 20_000);
  try {
    const slot = document.querySelector<HTMLElement>('#root .public-map');
    if (!slot) throw new Error('index.html has no .public-map to start the map in');
    const { startPublicMapEarly } = await import('./map/public-map.ts');
    // React, asked for by "Laporkan", may have replaced the static page already; its map page then makes the map.
    if (!slot.isConnected) return;
    const { drawn } = startPublicMapEarly(slot);
    await Promise.race([drawn, new Promise((resolve) => setTimeout(resolve, controlsAtLatestMs))]);
  } catch (error) {
    // No WebGL, say: the map page shows what went wrong once React is there.
    console.error(error);
  }
  await loadApp(categories);
}

if (window.location.pathname === '/') void startMapFirst();
else {
  void loadApp();
  registerServiceWorkerAtLoad();
}
