import type { Map as MapLibreMap } from 'maplibre-gl';
import { basemapLayerIds } from './basemap-layers.ts';
import { lowestBoundaryLayerId } from './boundary-layers.ts';

const sourceId = 'osm';
const layerId = 'osm-base-map';

// The only thing the app ever loads from another site, and only when the resident asks for it:
// the map must work offline and must not tell a third party where residents are looking.
const osmTiles = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const osmAttribution = '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';

/**
 * Shows or hides the OpenStreetMap raster beneath the boundaries and reports, in place of the
 * self-hosted base map (the same streets twice would only blur each other).
 */
export function setOsmBaseMap(map: MapLibreMap, shown: boolean): void {
  if (shown && !map.getSource(sourceId)) {
    map.addSource(sourceId, { type: 'raster', tiles: [osmTiles], tileSize: 256, maxzoom: 19, attribution: osmAttribution });
    map.addLayer({ id: layerId, type: 'raster', source: sourceId }, lowestBoundaryLayerId);
  }
  if (!shown && map.getSource(sourceId)) {
    map.removeLayer(layerId);
    map.removeSource(sourceId);
  }
  for (const id of basemapLayerIds) {
    if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', shown ? 'none' : 'visible');
  }
  // The cities' light fill would hide the streets; a faint wash keeps the service area visible.
  map.setPaintProperty(lowestBoundaryLayerId, 'fill-opacity', shown ? 0.25 : 1);
}
