import type { Map as MapLibreMap } from 'maplibre-gl';

declare global {
  interface Window {
    /** The page's map, for end-to-end tests in a real browser. */
    __petawargaMap?: MapLibreMap;
  }
}

/**
 * Lets browser tests reach the map and wait until it has drawn: `window.__petawargaMap`, and
 * `data-map-ready="1"` on <body> at the first 'idle' (style, tiles and labels all done) after
 * `pageReady` (the public map draws before React has added its controls and fitted the view).
 * Returns the undo for when the map is removed.
 */
export function exposeMapForTests(map: MapLibreMap, pageReady: Promise<void> = Promise.resolve()): () => void {
  window.__petawargaMap = map;
  delete document.body.dataset.mapReady;
  void pageReady.then(() => {
    if (window.__petawargaMap !== map) return;
    map.once('idle', () => {
      if (window.__petawargaMap === map) document.body.dataset.mapReady = '1';
    });
    // 'idle' comes at the end of a frame with nothing left to load, so ask for one.
    map.triggerRepaint();
  });
  return () => {
    if (window.__petawargaMap !== map) return;
    delete window.__petawargaMap;
    delete document.body.dataset.mapReady;
  };
}
