import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import { Type, type Static, type TObject, type TSchema } from 'typebox';
import { errorResponses, mediaContent } from '../http/responses.ts';
import { tileResponses } from '../tiles/responses.ts';
import { sendTile } from '../tiles/serve.ts';
import { checkTile, TileParams } from '../tiles/tile-params.ts';
import { computeBudget } from './budget.ts';
import { dataVersion } from './cache.ts';
import { downloadName, toCsv } from './export.ts';
import { cachedLayers } from './cached-layer.ts';
import { prepareDbscan, prepareEmerging, prepareGetisOrd, type PreparedLayer } from './hotspot-layers.ts';
import { kelurahanSummary } from './kelurahan.ts';
import { featureCollection, type LayerResult } from './layer.ts';
import { resultTileLayer } from './layer-tiles.ts';
import { DbscanQuery, EmergingQuery, GetisOrdQuery, readWindow, Window } from './parameters.ts';
import { DbscanCluster, EmergingCell, GetisOrdCell, KelurahanFigures, LayerCollection, WeeklyCounts } from './schemas.ts';
import { weeklyCounts } from './weekly.ts';

const format = (q: { format?: string }) => q.format ?? 'geojson';

/** GeoJSON (inline, or as a download with ?download=1) or CSV with WKT, named by parameters. */
function sendLayer(reply: FastifyReply, result: LayerResult, q: { format?: string; download?: boolean }) {
  if (format(q) === 'csv') {
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${downloadName(result, 'csv')}"`)
      .send(toCsv(result));
  }
  if (q.download) reply.header('content-disposition', `attachment; filename="${downloadName(result, 'geojson')}"`);
  return reply.type('application/geo+json').send(featureCollection(result));
}


const csv = (description: string) => mediaContent('text/csv', description, 'text');

/** A layer's answer: GeoJSON with these feature properties, or the same as CSV. */
const layerResponses = (properties: TSchema) => ({
  200: {
    description: 'GeoJSON (as an attachment with download=true), or CSV with format=csv',
    content: {
      'application/geo+json': { schema: LayerCollection(properties) },
      ...csv('One row per feature, the properties in a fixed order and the geometry as WKT (WGS 84)'),
    },
  },
  ...errorResponses(400, 500, 503),
});

const tilesDescription = (layer: string) =>
  `Mapbox Vector Tile 2.1 with one layer "${layer}", cut from the same cached result as the GeoJSON ` +
  'for the same query parameters (computed once per parameter set until new reports arrive, never per ' +
  'tile). Features carry the GeoJSON properties; lists and objects as JSON text, nulls left out. ' +
  'Strong ETag (304 on If-None-Match), gzip when accepted, 204 for an empty tile.';

export const analyticsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const cache = app.analyticsCache;
  // Charged only for a result not yet computed for this data version (analytics/budget.ts).
  const chargeComputation = computeBudget(app);
  const cached = cachedLayers(app);
  const Output = Type.Object({
    format: Type.Optional(Type.Union([Type.Literal('geojson'), Type.Literal('csv')])),
    download: Type.Optional(Type.Boolean()),
  });

  /** One hot-spot layer: its GeoJSON/CSV endpoint and its vector tiles, on one parameter reader. */
  function hotspotLayer<Q extends TObject>(path: string, tileLayer: string, summary: string, description: string,
    properties: TSchema, query: Q, prepare: (q: Static<Q>) => Promise<PreparedLayer>) {
    app.get(path, {
      schema: {
        tags: ['analytics'], summary, description,
        querystring: Type.Object({ ...query.properties, ...Output.properties }),
        response: layerResponses(properties),
      },
    }, async (request, reply) => {
      const q = request.query as Static<Q> & { format?: string; download?: boolean };
      const { key, compute } = await prepare(q);
      return sendLayer(reply, (await cached(request, key, compute)).result, q);
    });

    app.get(`${path}/tiles/:z/:x/:y.mvt`, {
      schema: {
        tags: ['analytics', 'tiles'],
        summary: `${summary}, as vector tiles (layer "${tileLayer}")`,
        description: tilesDescription(tileLayer),
        params: TileParams,
        querystring: query,
        response: tileResponses,
      },
    }, async (request, reply) => {
      const tile = checkTile(request.params);
      const { key, compute } = await prepare(request.query as Static<Q>);
      const { key: variant, result } = await cached(request, key, compute);
      return sendTile(app.tileCache, {
        source: `hotspots-${tileLayer}`,
        variant,
        layers: [resultTileLayer(tileLayer, result)],
        tile,
        // Rendered from the cached result's own rows, so any connection will do.
        readPath: async () => ({ db: app.db, from: 'primary' }),
        // Revalidate every time: a new report changes the result; the ETag keeps that cheap.
        cacheControl: 'public, max-age=0, must-revalidate',
      }, request, reply);
    });
  }

  hotspotLayer('/api/hotspots/getis-ord', 'getis_ord',
    'Getis-Ord Gi* hot and cold spots of public reports on a hexagonal grid',
    'Every hexagon of the study area with count, neighbours, gi_z, gi_p and bin (±3/±2/±1 hot/cold at 99/95/90 %). ' +
    'measure=count (default, the ArcGIS convention) tests reports per hexagon; hexagons on the city edge hold less ' +
    'land and so read as cold on an even pattern. measure=density tests reports per km² of each hexagon inside the ' +
    'cities, Empirical Bayes standardised (Assunção & Reis 1999) so that small edge pieces with few reports do not ' +
    'swamp the statistic; properties area_km2 and density are added, and hexagons with no area inside are left out.',
    GetisOrdCell, GetisOrdQuery, (q) => prepareGetisOrd(app, q));

  hotspotLayer('/api/hotspots/dbscan', 'dbscan',
    'DBSCAN density clusters of public reports, as convex hulls',
    'One convex hull per cluster with cluster, reports, dominant_category, category_counts, first_report_at, last_report_at; noise left out.',
    DbscanCluster, DbscanQuery, (q) => prepareDbscan(app, q));

  hotspotLayer('/api/hotspots/emerging', 'emerging',
    'Emerging hot spots: weekly Gi* per hexagon with a Mann-Kendall trend (new, intensifying, persistent, diminishing)',
    'Hexagons hot or cold in at least one week, with label (one of ArcGIS Pro\'s seventeen emerging categories), count, hot_weeks, trend_z, trend_p, counts and bins (one per week).',
    EmergingCell, EmergingQuery, (q) => prepareEmerging(app, q));

  app.get('/api/analytics/kelurahan', {
    schema: {
      tags: ['analytics'],
      summary: 'Per kelurahan: reports, reports per 1,000 residents, median days to resolve, % resolved on time',
      querystring: Type.Object({ ...Window.properties, ...Output.properties }),
      response: layerResponses(KelurahanFigures),
    },
  }, async (request, reply) => {
    const window = await readWindow(app.db, request.query);
    const { result } = await cached(request, ['kelurahan', window], () => kelurahanSummary(app.db, window));
    return sendLayer(reply, result, request.query);
  });

  app.get('/api/analytics/weekly', {
    schema: {
      tags: ['analytics'],
      summary: 'Public reports per category per week (Monday, WIB)',
      querystring: Type.Object({
        ...Window.properties,
        format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])),
      }),
      response: {
        200: {
          description: 'JSON, or CSV (week_start, category, reports) with format=csv',
          content: { 'application/json': { schema: WeeklyCounts }, ...csv('week_start, category, reports') },
        },
        ...errorResponses(400, 500, 503),
      },
    },
  }, async (request, reply) => {
    const window = await readWindow(app.db, request.query);
    const version = await dataVersion(app.db);
    const key = JSON.stringify(['weekly', window]);
    if (!cache.holds(key, version)) await chargeComputation(request);
    const counts = await cache.get(key, version, () => weeklyCounts(app.db, window));
    if (request.query.format !== 'csv') return { ...counts, parameters: { ...counts.parameters, data_version: version } };
    const name = downloadName({ layer: 'weekly', parameters: counts.parameters, columns: [], features: [] }, 'csv');
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
      .send(stringify(counts.weeks, { header: true, columns: ['week_start', 'category', 'reports'] }));
  });
};
