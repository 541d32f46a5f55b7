import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { boundaryRoutes } from './boundaries/routes.ts';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { ReadFence, ReadReplica } from './db/replica.ts';
import { deadlineRoutes } from './deadlines/routes.ts';
import { registerErrorHandler } from './http/error-handler.ts';
import { refuseUnacceptedMediaTypes } from './http/media-types.ts';
import { buildRequestValidator } from './http/validation.ts';
import { useMachineNotFound } from './http/not-found.ts';
import { healthRoutes } from './health/routes.ts';
import { referenceRoutes } from './reference/routes.ts';
import { photoRoutes } from './reports/photo-routes.ts';
import { maxPhotoBytes, maxPhotos } from './reports/photos.ts';
import { reportRoutes } from './reports/routes.ts';
import { staffRoutes } from './staff/routes.ts';
import { lifecycleRoutes } from './lifecycle/routes.ts';
import { moderationRoutes } from './moderation/routes.ts';
import { AnalyticsCache } from './analytics/cache.ts';
import { analyticsRoutes } from './analytics/routes.ts';
import { consoleRoutes } from './console/routes.ts';
import { layerRoutes } from './layers/routes.ts';
import { routingRuleRoutes } from './routing-rules/routes.ts';
import { serviceViewRoutes } from './service-view/routes.ts';
import { supervisorRoutes } from './supervisors/routes.ts';
import { tooManyRequests } from './rate-limit/refuse.ts';
import { postgresRateLimitStore } from './rate-limit/store.ts';
import { rememberWritePositions } from './db/read-your-writes.ts';
import { TileCache } from '../../tiles/src/index.ts';
import { followReportChanges } from './tiles/invalidation.ts';
import { useWriteTransactions } from './http/write-transaction.ts';
import { useSecurityHeaders, withDocsStyle } from './http/security-headers.ts';
import { tileRoutes } from './tiles/routes.ts';
import { searchRoutes } from './search/routes.ts';
import { ogcRoutes } from './ogc/routes.ts';
import { registerWebApp } from './web/static.ts';
import { apiKeyRoutes } from './open311/api-key-routes.ts';
import { open311Routes } from './open311/routes.ts';
import { exportRoutes } from './exports/routes.ts';
import { applySensitiveGrid } from './privacy/grid.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    db: Database;
    /** Public reads: the replica (DATABASE_READ_URL) when it is fresh enough, else the primary. */
    reads: ReadReplica;
    /** Report tiles read past every change this instance was told about. */
    reportTileReads: ReadFence;
    tileCache: TileCache;
    /** Hot-spot and analytics results per parameter set, until new reports arrive. */
    analyticsCache: AnalyticsCache;
  }
}

export interface AppOptions {
  config: Config;
  db: Database;
  /** A streaming replica of `db` for public reads; absent: every read on `db`. */
  readDb?: Database;
  /** Fastify's logger; off in tests. */
  logger?: boolean | object;
}

/** The whole HTTP application over an open, migrated database. main.ts only listens. */
export async function buildApp({ config, db, readDb, logger = false }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    trustProxy: config.trustProxy,
    bodyLimit: 256 * 1024,
    // JSON bodies are checked without coercion, text parts with it, none may hold NUL (http/validation.ts).
    schemaController: { compilersFactory: { buildValidator: buildRequestValidator } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Before anything is served: every public point of a sensitive report follows this size.
  await applySensitiveGrid(db, config.sensitiveGridM);
  app.decorate('config', config);
  app.decorate('db', db);
  const warn = (message: string) => app.log.warn(message);
  app.decorate('reads', new ReadReplica(db, readDb, warn));
  // Under a burst of writes the replica replayed 95% of them within 11–47 ms of the answer
  // (docs/scaling.md): a tile render waits up to 50 ms for it rather than loading the primary.
  app.decorate('reportTileReads', new ReadFence(app.reads, 50, warn));
  app.decorate('tileCache', new TileCache());
  app.decorate('analyticsCache', new AnalyticsCache());
  // Every instance follows the database's tile notifications (sent by triggers when reports
  // change, through any instance or script). A write request waits, after its COMMIT, until this
  // instance has applied its own transaction's notifications: the answer to a resident is never
  // followed by a tile from this instance that lacks their report. Each drop raises the read
  // fence, so the tiles are rendered again from a database that has the change.
  const reportChanges = await followReportChanges(db, app.tileCache, () => app.reportTileReads.raise());
  app.addHook('onClose', async () => reportChanges.stop());
  useWriteTransactions(app, db, {
    beforeCommit: (tx) => reportChanges.markTransaction(tx),
    afterCommit: (marker) => reportChanges.settled(marker as string),
  });

  registerErrorHandler(app);
  useMachineNotFound(app);
  await useSecurityHeaders(app, config.publicBaseUrl);
  refuseUnacceptedMediaTypes(app);
  await app.register(compress, { global: true, encodings: ['br', 'gzip'], threshold: 1024 });
  await app.register(cookie);
  rememberWritePositions(app);
  // Only routes that opt in (sign-in, public writes, uncached analytics) are limited; the counts
  // live in the database so that every instance behind a load balancer shares them (docs/scaling.md).
  await app.register(rateLimit, {
    global: false,
    store: postgresRateLimitStore(db, warn),
    errorResponseBuilder: (_request, context) => tooManyRequests(Math.ceil(context.ttl / 1000)),
  });
  await app.register(multipart, {
    limits: { fileSize: maxPhotoBytes, files: maxPhotos, fields: 20, fieldSize: 10_000, parts: 30 },
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'PetaWarga API',
        version: '0.1.0',
        description: 'Public-service reports of Kota Tangerang and Kota Tangerang Selatan, on a map. ' +
          'The public reports are open data under [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/): ' +
          'bulk downloads at /api/exports/reports.{csv,geojson,ndjson} and daily snapshots with SHA-256 at ' +
          '/api/exports/snapshots; every field, its meaning and its licence in the [data dictionary](/open-data).',
        license: { name: 'Data: CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
      },
    },
  });
  // No validator badge: it would send the API description to validator.swagger.io.
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { validatorUrl: null }, transformStaticCSP: withDocsStyle });

  await app.register(healthRoutes);
  await app.register(referenceRoutes);
  await app.register(boundaryRoutes);
  await app.register(reportRoutes);
  await app.register(photoRoutes);
  await app.register(tileRoutes);
  await app.register(searchRoutes);
  await app.register(deadlineRoutes);
  await app.register(staffRoutes);
  await app.register(lifecycleRoutes);
  await app.register(moderationRoutes);
  await app.register(layerRoutes);
  await app.register(routingRuleRoutes);
  await app.register(supervisorRoutes);
  await app.register(serviceViewRoutes);
  await app.register(analyticsRoutes);
  await app.register(consoleRoutes);
  await app.register(open311Routes, { prefix: '/open311/v2' });
  await app.register(apiKeyRoutes);
  await app.register(ogcRoutes, { prefix: '/ogc' });
  await app.register(exportRoutes);
  await registerWebApp(app, config.webDistDir);
  return app;
}
