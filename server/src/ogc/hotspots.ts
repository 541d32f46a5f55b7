import { bbox as boundsOf } from '@turf/bbox';
import type { FastifyInstance } from 'fastify';
import { Type, type TSchema } from 'typebox';
import { sql } from '../db/database.ts';
import { cachedLayers } from '../analytics/cached-layer.ts';
import { prepareDbscan, prepareEmerging, prepareGetisOrd, type PreparedLayer } from '../analytics/hotspot-layers.ts';
import type { Geometry } from 'geojson';
import { DbscanCluster, EmergingCell, GetisOrdCell } from '../analytics/schemas.ts';
import type { ItemsRequest, OgcCollection, OgcFeature, ReadContext } from './collection.ts';
import { extentOf } from './extent.ts';
import { refuseCursor } from './items-query.ts';

// The planner view's hot-spot layers (server/src/analytics/) with every parameter at its
// default, as collections. Each is computed once per data version and shared with
// /api/hotspots/* through the analytics cache, and charged to the client's analytics budget
// when it is not cached yet. Being computed rather than stored, they have no queryables (no
// CQL2 filter) and page by position in the computed result.

interface HotspotLayer {
  id: string;
  title: string;
  description: string;
  properties: TSchema;
  prepare: (app: FastifyInstance) => Promise<PreparedLayer>;
  featureId: (properties: Record<string, unknown>) => string;
}

const cell = (p: Record<string, unknown>) => `${p.i}_${p.j}`;

const layers: HotspotLayer[] = [
  {
    id: 'hotspots-getis-ord',
    title: 'Hot spots (Getis-Ord Gi*)',
    description: 'Getis-Ord Gi* hot and cold spots of public reports on 250 m hexagons, neighbours within 500 m, ' +
      'every public report: the defaults of GET /api/hotspots/getis-ord. bin ±3/±2/±1: hot/cold at 99/95/90 %.',
    properties: GetisOrdCell,
    prepare: (app) => prepareGetisOrd(app, {}),
    featureId: cell,
  },
  {
    id: 'hotspots-dbscan',
    title: 'Clusters (DBSCAN)',
    description: 'DBSCAN clusters of public reports (150 m, at least 10 reports) as convex hulls: the defaults of GET /api/hotspots/dbscan.',
    properties: DbscanCluster,
    prepare: (app) => prepareDbscan(app, {}),
    featureId: (p) => String(p.cluster),
  },
  {
    id: 'hotspots-emerging',
    title: 'Emerging hot spots',
    description: 'Hexagons hot in at least one of the last 12 weeks, with a Mann-Kendall trend label (new, intensifying, ' +
      'persistent, diminishing): the defaults of GET /api/hotspots/emerging.',
    properties: EmergingCell,
    prepare: (app) => prepareEmerging(app, {}),
    featureId: cell,
  },
];

/** Whether a feature's bounding box meets the bbox, as && does for the stored collections. */
const overlaps = (geometry: Geometry, b: NonNullable<ItemsRequest['bbox']>) => {
  const [minLon, minLat, maxLon, maxLat] = boundsOf(geometry);
  return minLon <= b.maxLon && maxLon >= b.minLon && minLat <= b.maxLat && maxLat >= b.minLat;
};

export function hotspotCollections(app: FastifyInstance): OgcCollection[] {
  const cached = cachedLayers(app);

  async function features(read: ReadContext, layer: HotspotLayer): Promise<(OgcFeature & { geometry: Geometry })[]> {
    const { key, compute } = await layer.prepare(app);
    const { result } = await cached(read.request, key, compute);
    return result.features.map((f) => ({ type: 'Feature' as const, id: layer.featureId(f.properties), geometry: f.geometry, properties: f.properties }));
  }

  return layers.map((layer) => ({
    id: layer.id,
    title: layer.title,
    description: layer.description,
    properties: layer.properties,
    featureId: Type.String({ description: 'i_j of the hexagon, or the cluster number' }),
    parameters: Type.Object({}),
    temporal: false,
    // The layers cover the study area; computing one only to describe it would cost seconds.
    extent: ({ db }) => extentOf(db, sql`SELECT NULL::box2d AS box, NULL::timestamptz AS first, NULL::timestamptz AS last`, false),
    async items(read, q) {
      const all = await features(read, layer);
      const matching = q.bbox ? all.filter((f) => overlaps(f.geometry, q.bbox!)) : all;
      const offset = q.cursor === undefined ? 0 : Number(q.cursor);
      if (!Number.isSafeInteger(offset) || offset < 0 || !/^\d+$/.test(q.cursor ?? '0')) refuseCursor();
      const end = offset + q.limit;
      return {
        features: matching.slice(offset, end),
        numberMatched: matching.length,
        next: end < matching.length ? String(end) : undefined,
      };
    },
    async item(read, id) {
      return (await features(read, layer)).find((f) => String(f.id) === id);
    },
  }));
}
