import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { AnalyticsCache, dataVersion } from './cache.ts';
import { dbscanClusters } from './dbscan.ts';
import { downloadName, toCsv } from './export.ts';
import { getisOrd } from './getis-ord.ts';
import { featureCollection, type LayerResult } from './layer.ts';
import { DbscanQuery, GetisOrdQuery, readNeighbourRule, readWindow } from './parameters.ts';
import { inAnalysisSession } from './session.ts';

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
};
