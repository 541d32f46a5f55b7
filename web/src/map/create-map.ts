import type { Map as MapLibreMap, MapOptions } from 'maplibre-gl';
import i18next from '../i18n/setup.ts';
import { maplibregl } from './maplibre.ts';
import { keepCentreNear } from './centre-constraint.ts';
import { offlineStyle } from './style.ts';

export type Camera = Pick<MapOptions, 'bounds' | 'fitBoundsOptions' | 'center' | 'zoom'>;

/** The texts MapLibre puts on its own controls, in the language of the page. */
function controlTexts(): Record<string, string> {
  const keys = ['Map.Title', 'Marker.Title', 'NavigationControl.ZoomIn', 'NavigationControl.ZoomOut',
    'NavigationControl.ResetBearing', 'Popup.Close', 'AttributionControl.ToggleAttribution'];
  return Object.fromEntries(keys.map((key) => [key, i18next.t(`common:maplibre.${key}`)]));
}

/** A map of the service area in the offline style, with zoom buttons and a scale bar. */
export function createMap(container: HTMLElement, camera: Camera, options: Pick<MapOptions, 'validateStyle'> = {}): MapLibreMap {
  const map = new maplibregl.Map({
    ...options,
    container,
    style: offlineStyle(window.location.origin),
    ...camera,
    transformConstrain: keepCentreNear,
    minZoom: 9,
    maxZoom: 20,
    // Rotation and pitch only confuse a map whose job is "where exactly is the problem".
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    attributionControl: { compact: true },
    // Labels appear at once instead of fading in over 300 ms: every frame of a fade is drawn
    // again in full, and on a cheap phone those frames came before the reports.
    fadeDuration: 0,
    locale: controlTexts(),
  });
  map.touchZoomRotate.disableRotation();
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
  return map;
}
