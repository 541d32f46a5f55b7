import type { Geometry } from 'geojson';

/** One feature of an analytics layer: geometry as GeoJSON and as WKT (for CSV), both WGS 84. */
export interface LayerFeature {
  geometry: Geometry;
  wkt: string;
  properties: Record<string, unknown>;
}

/**
 * A computed layer. `parameters` echoes everything needed to recompute it from the response
 * alone; `columns` fixes the order of properties in CSV downloads.
 */
export interface LayerResult {
  layer: string;
  parameters: Record<string, unknown>;
  columns: string[];
  features: LayerFeature[];
}

export function featureCollection(result: LayerResult) {
  return {
    type: 'FeatureCollection' as const,
    parameters: result.parameters,
    features: result.features.map((f) => ({ type: 'Feature' as const, geometry: f.geometry, properties: f.properties })),
  };
}
