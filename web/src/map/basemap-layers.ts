import type { LayerSpecification } from 'maplibre-gl';
import { boldFont, regularFont } from './fonts.ts';

// The self-hosted base map (GET /tiles/basemap, server/src/basemap/): drawn for residents, who
// find their way by named roads, the river, the market, the school and the mosque. Shapes go
// beneath the boundary lines, names above them. Before any extract is imported the tiles are
// empty and only the boundaries and kelurahan names are drawn.

export const basemapSourceId = 'basemap';

const halo = { 'text-halo-color': 'rgba(255,255,255,0.95)', 'text-halo-width': 1.5 };
const waterColour = '#a9d3f0';
const roadWidth = (base: number) => ['interpolate', ['exponential', 1.6], ['zoom'], 10, base * 0.5, 14, base * 2, 18, base * 10];

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
        'line-width': ['match', ['get', 'kind'], 'river', ['interpolate', ['linear'], ['zoom'], 10, 1.5, 16, 8], 1.5],
      },
    },
    {
      id: 'basemap-road-casing', type: 'line', source, 'source-layer': 'roads',
      filter: ['!=', ['get', 'kind'], 'path'],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': '#b3b6b7', 'line-width': ['match', ['get', 'kind'], 'major', roadWidth(1.6), roadWidth(1.1)], 'line-gap-width': 0 },
    },
    {
      id: 'basemap-roads', type: 'line', source, 'source-layer': 'roads',
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': ['match', ['get', 'kind'], 'major', '#f9d56e', 'path', '#a6acaf', '#ffffff'],
        'line-width': ['match', ['get', 'kind'], 'major', roadWidth(1.2), 'path', 1, roadWidth(0.8)],
        'line-dasharray': ['match', ['get', 'kind'], 'path', ['literal', [2, 1]], ['literal', [1, 0]]],
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
