import type { Map as MapLibreMap, MapGeoJSONFeature, MapLayerMouseEvent } from 'maplibre-gl';
import { maplibregl } from './maplibre.ts';
import { clusterLayerId, pointLayerId } from './report-layers.ts';

// Clusters are counted per grid cell by the server, not by a client-side index, so there is
// no cluster expansion zoom to ask for: two zoom levels splits a cell into sixteen.
const clusterZoomStep = 2;

/**
 * Clicks on reports: a cluster zooms in on itself, a single report opens a popup. Returns the
 * function that turns them off again (while the resident is placing a pin, clicks are theirs).
 */
export function enableReportInteractions(
  map: MapLibreMap,
  popupContent: (feature: MapGeoJSONFeature) => HTMLElement,
): () => void {
  let popup: InstanceType<typeof maplibregl.Popup> | undefined;

  const onClick = (event: MapLayerMouseEvent) => {
    const feature = event.features?.[0];
    if (!feature || feature.geometry.type !== 'Point') return;
    const [lon, lat] = feature.geometry.coordinates;
    if (feature.properties.cluster === true) {
      map.easeTo({ center: [lon, lat], zoom: Math.min(map.getZoom() + clusterZoomStep, map.getMaxZoom()) });
      return;
    }
    popup?.remove();
    popup = new maplibregl.Popup({ offset: 10, maxWidth: '260px' })
      .setLngLat([lon, lat])
      .setDOMContent(popupContent(feature))
      .addTo(map);
  };
  const pointer = () => { map.getCanvas().style.cursor = 'pointer'; };
  const noPointer = () => { map.getCanvas().style.cursor = ''; };

  const layers = [clusterLayerId, pointLayerId];
  for (const layer of layers) {
    map.on('click', layer, onClick);
    map.on('mouseenter', layer, pointer);
    map.on('mouseleave', layer, noPointer);
  }
  return () => {
    for (const layer of layers) {
      map.off('click', layer, onClick);
      map.off('mouseenter', layer, pointer);
      map.off('mouseleave', layer, noPointer);
    }
    popup?.remove();
    noPointer();
  };
}
