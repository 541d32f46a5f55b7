import type { LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { boldFont } from './fonts.ts';
import { serviceAreaBounds } from './service-area.ts';
import { reportTilesUrl } from './tile-urls.ts';

export const reportsSourceId = 'reports';

/** The reports are open data: their licence and data dictionary, in the map's attribution. */
export const reportsAttribution = 'Laporan: <a href="/open-data">PetaWarga, data terbuka CC BY 4.0</a>';
export const clusterLayerId = 'report-clusters';
export const pointLayerId = 'report-points';
const clusterCountLayerId = 'report-cluster-counts';
export const reportLayerIds = [clusterLayerId, clusterCountLayerId, pointLayerId];

// Tiles below zoom 17 hold clusters (cluster = true); from 17 every report is its own point.
const isBubble = ['all', ['==', ['get', 'cluster'], true], ['>=', ['get', 'point_count'], 2]];
const isSingleReport = ['any', ['==', ['get', 'cluster'], false], ['==', ['get', 'point_count'], 1]];

export function reportLayers(): LayerSpecification[] {
  return [
    {
      id: clusterLayerId,
      type: 'circle',
      source: reportsSourceId,
      'source-layer': 'reports',
      filter: isBubble as never,
      paint: {
        'circle-color': ['step', ['get', 'point_count'], '#3aa394', 10, '#17806f', 100, '#0b5e55', 1000, '#063f39'],
        'circle-radius': ['step', ['get', 'point_count'], 12, 10, 16, 100, 21, 1000, 27],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
        'circle-opacity': 0.92,
      },
    },
    {
      id: clusterCountLayerId,
      type: 'symbol',
      source: reportsSourceId,
      'source-layer': 'reports',
      filter: isBubble as never,
      layout: {
        'text-field': ['get', 'point_count_abbreviated'],
        'text-font': boldFont,
        'text-size': ['step', ['get', 'point_count'], 11, 100, 12, 1000, 13],
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': '#ffffff' },
    },
    {
      // Each report as its category's symbol (category-images.ts): no emoji font needed.
      id: pointLayerId,
      type: 'symbol',
      source: reportsSourceId,
      'source-layer': 'reports',
      filter: isSingleReport as never,
      layout: {
        'icon-image': ['concat', 'category-', ['coalesce', ['get', 'category'], ['get', 'top_category']]] as never,
        'icon-size': ['interpolate', ['linear'], ['zoom'], 10, 0.55, 17, 0.85, 20, 1.1] as never,
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
      },
    },
  ];
}

/**
 * The reports source and its layers, every category shown. Added as soon as the style has
 * loaded, not once the categories have come: the clusters need no category, and on a slow
 * phone waiting for /api/categories first put its round trip before every report tile.
 * Symbols of single reports are drawn once their images are added (category-images.ts).
 */
export function addReportLayers(map: MapLibreMap): void {
  map.addSource(reportsSourceId, {
    type: 'vector',
    tiles: [reportTilesUrl(window.location.origin, {})],
    minzoom: 0,
    maxzoom: 17,
    bounds: serviceAreaBounds,
    attribution: reportsAttribution,
  });
  for (const layer of reportLayers()) map.addLayer(layer);
}
