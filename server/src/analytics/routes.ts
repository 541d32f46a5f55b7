import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import { Type } from 'typebox';
import { AnalyticsCache, dataVersion } from './cache.ts';
import { dbscanClusters } from './dbscan.ts';
import { downloadName, toCsv } from './export.ts';
import { emergingHotspots } from './emerging.ts';
import { getisOrd } from './getis-ord.ts';
import { kelurahanSummary } from './kelurahan.ts';
import { featureCollection, type LayerResult } from './layer.ts';
import { DbscanQuery, EmergingQuery, GetisOrdQuery, readNeighbourRule, readWeeksWindow, readWindow, Window } from './parameters.ts';
import { inAnalysisSession } from './session.ts';
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

export const analyticsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const cache = new AnalyticsCache();
  const Output = Type.Object({
    format: Type.Optional(Type.Union([Type.Literal('geojson'), Type.Literal('csv')])),
    download: Type.Optional(Type.Boolean()),
  });

  /** Computes (or reuses, until new reports arrive) the layer for these parameters. */
  async function cached(key: unknown, compute: () => Promise<LayerResult>) {
    const version = await dataVersion(app.db);
    const result = await cache.get(JSON.stringify(key), version, compute);
    return { ...result, parameters: { ...result.parameters, data_version: version } };
  }

  app.get('/api/hotspots/getis-ord', {
    schema: {
      tags: ['analytics'],
      summary: 'Getis-Ord Gi* hot and cold spots of public reports on a hexagonal grid',
      querystring: Type.Object({ ...GetisOrdQuery.properties, ...Output.properties }),
    },
  }, async (request, reply) => {
    const q = request.query;
    const parameters = { window: await readWindow(app.db, q), neighbours: readNeighbourRule(q), fdr: q.fdr ?? false };
    const result = await cached(['getis-ord', parameters],
      () => inAnalysisSession(app.db, (tx) => getisOrd(tx, parameters)));
    return sendLayer(reply, result, q);
  });

  app.get('/api/hotspots/dbscan', {
    schema: {
      tags: ['analytics'],
      summary: 'DBSCAN density clusters of public reports, as convex hulls',
      querystring: Type.Object({ ...DbscanQuery.properties, ...Output.properties }),
    },
  }, async (request, reply) => {
    const q = request.query;
    const parameters = { window: await readWindow(app.db, q), epsM: q.eps_m ?? 150, minPoints: q.min_points ?? 10 };
    const result = await cached(['dbscan', parameters],
      () => inAnalysisSession(app.db, (tx) => dbscanClusters(tx, parameters)));
    return sendLayer(reply, result, q);
  });

  app.get('/api/hotspots/emerging', {
    schema: {
      tags: ['analytics'],
      summary: 'Emerging hot spots: weekly Gi* per hexagon with a Mann-Kendall trend (new, intensifying, persistent, diminishing)',
      querystring: Type.Object({ ...EmergingQuery.properties, ...Output.properties }),
    },
  }, async (request, reply) => {
    const q = request.query;
    const weeks = q.weeks ?? 12;
    const parameters = { window: await readWeeksWindow(app.db, q, weeks), neighbours: readNeighbourRule(q), weeks };
    const result = await cached(['emerging', parameters],
      () => inAnalysisSession(app.db, (tx) => emergingHotspots(tx, parameters)));
    return sendLayer(reply, result, q);
  });

  app.get('/api/analytics/kelurahan', {
    schema: {
      tags: ['analytics'],
      summary: 'Per kelurahan: reports, reports per 1,000 residents, median days to resolve, % resolved on time',
      querystring: Type.Object({ ...Window.properties, ...Output.properties }),
    },
  }, async (request, reply) => {
    const window = await readWindow(app.db, request.query);
    const result = await cached(['kelurahan', window], () => kelurahanSummary(app.db, window));
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
    },
  }, async (request, reply) => {
    const window = await readWindow(app.db, request.query);
    const version = await dataVersion(app.db);
    const counts = await cache.get(JSON.stringify(['weekly', window]), version, () => weeklyCounts(app.db, window));
    if (request.query.format !== 'csv') return { ...counts, parameters: { ...counts.parameters, data_version: version } };
    const name = downloadName({ layer: 'weekly', parameters: counts.parameters, columns: [], features: [] }, 'csv');
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
      .send(stringify(counts.weeks, { header: true, columns: ['week_start', 'category', 'reports'] }));
  });
};
