import type { Map as MapLibreMap } from 'maplibre-gl';

declare global {
  interface Window {
    /** The page's map, for end-to-end tests in a real browser. */
    __petawargaMap?: MapLibreMap;
  }
}

/**
 * Lets browser tests reach the map and wait until it has drawn: `window.__petawargaMap`, and
 * `data-map-ready="1"` on <body> after the first 'idle' (style, tiles and labels all done).
 * Returns the undo for when the map is removed.
 */
export function exposeMapForTests(map: MapLibreMap): () => void {
  window.__petawargaMap = map;
  delete document.body.dataset.mapReady;
  map.once('idle', () => {
    if (window.__petawargaMap === map) document.body.dataset.mapReady = '1';
  });
  return () => {
    if (window.__petawargaMap !== map) return;
    delete window.__petawargaMap;
    delete document.body.dataset.mapReady;
  };
}
