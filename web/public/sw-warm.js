// Loaded by the service worker (importScripts). On a first visit the page asks for the
// categories before the worker controls it, so the worker fetches them once itself at install:
// without them the public map cannot show its legend or open the report form offline.
// The cache name is the one the runtime route for /api/categories uses (web/vite.config.ts).
self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open('petawarga-api').then((cache) => cache.add('/api/categories')).catch(() => undefined),
  );
});
