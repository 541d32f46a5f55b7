import type { LayerSpecification } from 'maplibre-gl';
import { boldFont, regularFont } from './fonts.ts';

/** The id of the lowest boundary layer: an optional base map goes beneath it. */
export const lowestBoundaryLayerId = 'service-area-fill';

/** The boundary names: drawn above the base map's names. */
export const boundaryLabelLayerIds = ['kelurahan-label', 'kecamatan-label'];

const labelHalo = { 'text-color': '#1f2d3a', 'text-halo-color': 'rgba(255,255,255,0.9)', 'text-halo-width': 1.5 };

/**
 * Kecamatan and kelurahan from the boundary tiles. The cities' land is filled so the service
 * area stands out from the background; kecamatan lines are heavier than kelurahan lines because
 * residents know their kecamatan first.
 */
export function boundaryLayers(source: string): LayerSpecification[] {
  return [
    {
      id: lowestBoundaryLayerId,
      type: 'fill',
      source,
      'source-layer': 'kecamatan',
      paint: { 'fill-color': '#fbfaf5', 'fill-opacity': 1 },
    },
    {
      id: 'kelurahan-outline',
      type: 'line',
      source,
      'source-layer': 'kelurahan',
      minzoom: 10,
      paint: {
        'line-color': '#8c99a6',
        'line-width': ['interpolate', ['linear'], ['zoom'], 10, 0.4, 16, 1.4],
        'line-dasharray': [3, 2],
      },
    },
    {
      id: 'kecamatan-outline',
      type: 'line',
      source,
      'source-layer': 'kecamatan',
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': '#41505e',
        'line-width': ['interpolate', ['linear'], ['zoom'], 9, 1, 16, 3],
      },
    },
    {
      id: 'kelurahan-label',
      type: 'symbol',
      source,
      'source-layer': 'kelurahan_label',
      minzoom: 13,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': regularFont,
        'text-size': ['interpolate', ['linear'], ['zoom'], 13, 11, 16, 14],
        'text-max-width': 8,
      },
      paint: { ...labelHalo, 'text-color': '#4a5966' },
    },
    {
      id: 'kecamatan-label',
      type: 'symbol',
      source,
      'source-layer': 'kecamatan_label',
      minzoom: 11,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': boldFont,
        'text-size': ['interpolate', ['linear'], ['zoom'], 11, 12, 15, 16],
        'text-transform': 'uppercase',
        'text-letter-spacing': 0.08,
        'text-max-width': 8,
      },
      paint: labelHalo,
    },
  ];
}
