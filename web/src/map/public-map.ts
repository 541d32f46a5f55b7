import type { Map as MapLibreMap } from 'maplibre-gl';
import i18next from '../i18n/setup.ts';
import { registerServiceWorker } from '../service-worker.ts';
import { createMap } from './create-map.ts';
import { addReportLayers } from './report-layers.ts';
import { initialBounds } from './service-area.ts';
import { exposeMapForTests } from './test-hooks.ts';

/**
 * The public map, which starts before React: on a cheap phone, downloading and compiling React
 * and the map's controls first kept the map from drawing for about a second more. The page's
 * entry (web/src/main.ts) starts it in the static page and loads React once it has drawn; the
 * map page then adopts it (adoptPublicMap) and adds its controls around it.
 */
export interface PublicMap {
  map: MapLibreMap;
  /** The map's own element, moved into the React page when it adopts the map. */
  container: HTMLElement;
  /** The style has loaded and the report layers are in it (their tiles may still be coming). */
  styleLoaded: Promise<void>;
  /** The first 'idle': the style, the first tiles and their labels are drawn. */
  drawn: Promise<void>;
  /** Whether anything has moved the camera since it was made: the resident, or a search. */
  cameraMoved(): boolean;
  /** Called once the React page has laid out its controls and fitted the first view around them. */
  controlsShown(): void;
  remove(): void;
}

const camera = { bounds: initialBounds, fitBoundsOptions: { padding: 16 } };

/** Makes the public map in a new element at the start of `parent`, with the report layers added as its style loads. */
export function startPublicMap(parent: HTMLElement): PublicMap {
  const container = document.createElement('div');
  container.className = 'map';
  container.setAttribute('role', 'region');
  container.setAttribute('aria-label', i18next.t('public:map.label'));
  // Beneath what the page puts over the map (the static page's "Laporkan"), which comes after it.
  parent.prepend(container);
  // Its style and report layers are checked against the style specification by style.test.ts;
  // checking them again on every phone is main-thread time before the first tiles.
  const map = createMap(container, camera, { validateStyle: false });
  let controlsShown!: () => void;
  const unexpose = exposeMapForTests(map, new Promise<void>((resolve) => (controlsShown = resolve)));
  // The camera the map is made with fires no movestart; every later move does.
  let moved = false;
  map.on('movestart', () => (moved = true));
  // 'style.load', not 'load': 'load' waits for the boundary tiles, fonts and a first full
  // render, and report tiles asked for only then reached a new visitor about 0.9 s later.
  const styleLoaded = new Promise<void>((resolve) => map.once('style.load', () => {
    addReportLayers(map);
    resolve();
  }));
  const drawn = new Promise<void>((resolve) => map.once('idle', () => resolve()));
  // Registered once the map has drawn: its install downloads about 700 kB, which on a slow
  // connection took the bandwidth the first tiles needed (service-worker.ts).
  void drawn.then(registerServiceWorker);
  const remove = () => {
    unexpose();
    map.remove();
    container.remove();
  };
  return { map, container, styleLoaded, drawn, cameraMoved: () => moved, controlsShown, remove };
}

let waiting: PublicMap | undefined;

/** Starts the map the page's entry hands to React: in the static page, before any React code has loaded. */
export function startPublicMapEarly(parent: HTMLElement): PublicMap {
  waiting = startPublicMap(parent);
  return waiting;
}

/**
 * The map for a newly mounted map page, moved into `parent`: the one started early, or one left
 * by a page that has just unmounted (React's StrictMode mounts twice), or else a new one.
 */
export function adoptPublicMap(parent: HTMLElement): PublicMap {
  const publicMap = waiting ?? startPublicMap(parent);
  waiting = undefined;
  parent.append(publicMap.container);
  return publicMap;
}

/** Gives up a page's map: removed unless a page adopts it again straight away. */
export function releasePublicMap(publicMap: PublicMap): void {
  waiting = publicMap;
  setTimeout(() => {
    if (waiting !== publicMap) return;
    waiting = undefined;
    publicMap.remove();
  }, 0);
}
