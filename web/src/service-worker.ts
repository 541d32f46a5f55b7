let requested = false;

/**
 * Registers the service worker (web/vite.config.ts), once. At install it stores the app, its
 * fonts and the city outlines, about 700 kB over the network: on a slow phone that download,
 * started at the page's load event, took the bandwidth the map's first tiles needed. So the
 * public map registers it once the map has drawn (PublicMapPage), every other page at load.
 */
export function registerServiceWorker(): void {
  if (requested || !('serviceWorker' in navigator)) return;
  requested = true;
  // A failed registration only means no offline use this visit; the next visit tries again.
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
}

/** For pages without a map to wait for: register when the page has loaded. */
export function registerServiceWorkerAtLoad(): void {
  if (document.readyState === 'complete') registerServiceWorker();
  else window.addEventListener('load', registerServiceWorker, { once: true });
}
