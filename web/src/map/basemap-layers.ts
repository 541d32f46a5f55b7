import type { LayerSpecification } from 'maplibre-gl';
import { boldFont, regularFont } from './fonts.ts';

// The self-hosted base map (GET /tiles/basemap, server/src/basemap/): drawn for residents, who
// find their way by named roads, the river, the market, the school and the mosque. Shapes go
// beneath the boundary lines, names above them. Before any extract is imported the tiles are
// empty and only the boundaries and kelurahan names are drawn.

export const basemapSourceId = 'basemap';

const halo = { 'text-halo-color': 'rgba(255,255,255,0.95)', 'text-halo-width': 1.5 };
const waterColour = '#a9d3f0';
/**
 * Line width growing with zoom, wider for major roads; MapLibre needs the zoom curve outermost,
 * so the road class is chosen at each stop.
 */
const roadWidth = (major: number, minor: number) => {
  const byKind = (factor: number) => ['match', ['get', 'kind'], 'major', major * factor, minor * factor];
  return ['interpolate', ['exponential', 1.6], ['zoom'], 10, byKind(0.5), 14, byKind(2), 18, byKind(10)];
};
const notPath = ['!=', ['get', 'kind'], 'path'];

/** Markets red, schools orange, mosques green: what a resident will ask about first. */
const poiColour = ['match', ['get', 'kind'], 'market', '#c0392b', 'school', '#d35400', 'mosque', '#1e8449', '#566573'];

/** Fills and lines, drawn under the kelurahan and kecamatan outlines. */
export function basemapShapeLayers(source: string): LayerSpecification[] {
  return [
    { id: 'basemap-water', type: 'fill', source, 'source-layer': 'water', paint: { 'fill-color': waterColour } },
    {
      id: 'basemap-waterways', type: 'line', source, 'source-layer': 'waterways',
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': waterColour,
        'line-width': ['interpolate', ['linear'], ['zoom'], 10, ['match', ['get', 'kind'], 'river', 1.5, 0.8],
                                                            16, ['match', ['get', 'kind'], 'river', 8, 2]],
      },
    },
    {
      // Gang and footpaths, dashed: a resident can walk them, a car cannot.
      id: 'basemap-paths', type: 'line', source, 'source-layer': 'roads',
      filter: ['==', ['get', 'kind'], 'path'],
      paint: { 'line-color': '#7f8c8d', 'line-width': 1.2, 'line-dasharray': [3, 2] },
    },
    {
      id: 'basemap-road-casing', type: 'line', source, 'source-layer': 'roads', filter: notPath,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': '#b3b6b7', 'line-width': roadWidth(1.6, 1.1) },
    },
    {
      id: 'basemap-roads', type: 'line', source, 'source-layer': 'roads', filter: notPath,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': ['match', ['get', 'kind'], 'major', '#f9d56e', '#ffffff'],
        'line-width': roadWidth(1.2, 0.8),
      },
    },
  ] as LayerSpecification[];
}

/** Names of roads, rivers, places and landmarks, drawn above the boundaries. */
export function basemapLabelLayers(source: string): LayerSpecification[] {
  return [
    {
      id: 'basemap-waterway-names', type: 'symbol', source, 'source-layer': 'waterways', minzoom: 13,
      layout: { 'symbol-placement': 'line', 'text-field': ['get', 'name'], 'text-font': regularFont, 'text-size': 11 },
      paint: { ...halo, 'text-color': '#1f618d' },
    },
    {
      id: 'basemap-road-names', type: 'symbol', source, 'source-layer': 'roads', minzoom: 13,
      layout: {
        'symbol-placement': 'line', 'text-field': ['get', 'name'], 'text-font': regularFont,
        'text-size': ['interpolate', ['linear'], ['zoom'], 13, 10, 17, 13],
      },
      paint: { ...halo, 'text-color': '#2c3e50' },
    },
    {
      id: 'basemap-pois', type: 'circle', source, 'source-layer': 'pois',
      paint: { 'circle-radius': 5, 'circle-color': poiColour, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 },
    },
    {
      id: 'basemap-poi-names', type: 'symbol', source, 'source-layer': 'pois',
      layout: {
        'text-field': ['get', 'name'], 'text-font': regularFont, 'text-size': 11,
        'text-anchor': 'top', 'text-offset': [0, 0.6], 'text-max-width': 9,
      },
      paint: { ...halo, 'text-color': poiColour },
    },
    {
      id: 'basemap-place-names', type: 'symbol', source, 'source-layer': 'places',
      layout: { 'text-field': ['get', 'name'], 'text-font': boldFont, 'text-size': 12, 'text-max-width': 8 },
      paint: { ...halo, 'text-color': '#4d5656' },
    },
  ] as LayerSpecification[];
}

/** Every base-map layer id: hidden while the online OpenStreetMap raster is shown instead. */
export const basemapLayerIds = [...basemapShapeLayers(basemapSourceId), ...basemapLabelLayers(basemapSourceId)].map((l) => l.id);
