import type { Layer, PickingInfo } from '@deck.gl/core';
import { HeatmapLayer } from '@deck.gl/aggregation-layers';
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, FeatureCollection, Geometry, Polygon } from 'geojson';
import { densityColours } from './density-colours.ts';
import { hexCentre } from './place.ts';
import { emergingColor } from './emerging-labels.ts';
import { binColor } from './hotspot-bins.ts';
import { choroplethColor } from './choropleth.ts';
import { measureValue, type ChoroplethMeasure } from './choropleth-measures.ts';
// The server's schema, as a type only: nothing of the server enters the bundle.
import type { LayerParameters } from '../../../server/src/analytics/schemas.ts';

export type LayerKey = 'hotspots' | 'emerging' | 'heatmap' | 'clusters' | 'choropleth';
/** The window a layer was computed for, as every analytics response echoes it in `parameters`. */
export type LayerWindow = Pick<LayerParameters, 'categories' | 'since' | 'until'>;
/** A clicked feature with the window of its layer, so that its reports can be listed for that window. */
export type Picked = { layer: LayerKey; properties: Record<string, unknown>; geometry: Geometry; window: LayerWindow };

export interface LayerData {
  hotspots?: FeatureCollection;
  emerging?: FeatureCollection;
  clusters?: FeatureCollection;
  kelurahan?: FeatureCollection;
}

/** The DBSCAN hulls' colours, shared with their legend. */
export const clusterColours = { fill: [123, 50, 148] as [number, number, number], line: [123, 50, 148] as [number, number, number] };

type Cell = { position: [number, number]; count: number };

/**
 * The deck.gl layers in drawing order: the choropleth at the bottom, then density, hexagons
 * and cluster hulls on top. Switched-off layers are left out (their data is not even fetched).
 * The density heatmap weighs the Gi* hexagons' centres by their counts, so it needs no second
 * download of every report and shows the same window and categories as the hexagons.
 */
export function analyticsLayers(data: LayerData, visible: Record<LayerKey, boolean>,
  choropleth: { measure: ChoroplethMeasure; max: number }, onPick: (picked: Picked | null) => void): Layer[] {
  const { measure, max } = choropleth;
  const pick = (layer: LayerKey, collection: FeatureCollection) => (info: PickingInfo) => {
    const feature = info.object as Feature | undefined;
    const window = (collection as FeatureCollection & { parameters: LayerWindow }).parameters;
    onPick(feature ? { layer, properties: feature.properties ?? {}, geometry: feature.geometry, window } : null);
  };
  const layers: Layer[] = [];
  if (visible.choropleth && data.kelurahan) {
    layers.push(new GeoJsonLayer({
      id: 'kelurahan-choropleth',
      data: data.kelurahan,
      pickable: true,
      stroked: true,
      getFillColor: (f: Feature) => [...choroplethColor(measureValue(f.properties, measure), max), 170],
      getLineColor: [90, 90, 90, 160],
      lineWidthMinPixels: 0.5,
      updateTriggers: { getFillColor: [measure, max] },
      onClick: pick('choropleth', data.kelurahan),
    }));
  }
  if (visible.heatmap && data.hotspots) {
    const cells: Cell[] = data.hotspots.features
      .filter((f) => Number(f.properties?.count) > 0)
      .map((f) => ({ position: hexCentre(f.geometry as Polygon), count: Number(f.properties?.count) }));
    layers.push(new HeatmapLayer<Cell>({
      id: 'report-density',
      data: cells,
      getPosition: (c) => c.position,
      getWeight: (c) => c.count,
      radiusPixels: 40,
      colorRange: densityColours,
    }));
  }
  if (visible.hotspots && data.hotspots) {
    layers.push(new GeoJsonLayer({
      id: 'gi-star-hexagons',
      data: data.hotspots,
      pickable: true,
      stroked: true,
      // not-significant cells stay nearly transparent so the map beneath still reads
      getFillColor: (f: Feature) => [...binColor(Number(f.properties?.bin)), f.properties?.bin ? 200 : 40],
      getLineColor: [255, 255, 255, 120],
      lineWidthMinPixels: 0.5,
      onClick: pick('hotspots', data.hotspots),
    }));
  }
  if (visible.emerging && data.emerging) {
    layers.push(new GeoJsonLayer({
      id: 'emerging-hexagons',
      // cells hot in some week but with none of the four labels are not drawn
      data: { ...data.emerging, features: data.emerging.features.filter((f) => emergingColor(f.properties?.label)) },
      pickable: true,
      getFillColor: (f: Feature) => [...emergingColor(f.properties?.label)!, 210],
      getLineColor: [90, 0, 0, 200],
      lineWidthMinPixels: 1,
      onClick: pick('emerging', data.emerging),
    }));
  }
  if (visible.clusters && data.clusters) {
    layers.push(new GeoJsonLayer({
      id: 'dbscan-hulls',
      data: data.clusters,
      pickable: true,
      getFillColor: [...clusterColours.fill, 60],
      getLineColor: [...clusterColours.line, 230],
      lineWidthMinPixels: 2,
      onClick: pick('clusters', data.clusters),
    }));
  }
  return layers;
}
