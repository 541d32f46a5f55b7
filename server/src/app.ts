import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { TileCache } from '../../tiles/src/index.ts';
import { boundaryRoutes } from './boundaries/routes.ts';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { deadlineRoutes } from './deadlines/routes.ts';
import { registerErrorHandler } from './errors.ts';
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
import type { IntakeFiled } from './console/intake.ts';
import { consoleRoutes } from './console/routes.ts';
import { layerRoutes } from './layers/routes.ts';
import { routingRuleRoutes } from './routing-rules/routes.ts';
import { dropReportTiles, followReportChanges } from './tiles/invalidation.ts';
import { tileRoutes } from './tiles/routes.ts';
import { registerWebApp } from './web/static.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    db: Database;
    tileCache: TileCache;
    /** Hot-spot and analytics results per parameter set, until new reports arrive. */
    analyticsCache: AnalyticsCache;
    /** Call after a report at this point was created or changed: drops the tiles holding it. */
    reportChanged(lon: number, lat: number): void;
    /** Call after a public event was committed: the reporter is notified in the background. */
    publicChange(event: { reportId: number; eventId: number }): void;
  }
}

export interface AppOptions {
  config: Config;
  db: Database;
  /** Fastify's logger; off in tests. */
  logger?: boolean | object;
  /** Receives every committed public change of a report (the notification queue). */
  publicChangeListener?: (event: { reportId: number; eventId: number }) => void;
  /** Receives each report staff filed for a phoning or walk-in resident (the SMS module sends the code). */
  onIntakeFiled?: (filed: IntakeFiled) => void | Promise<void>;
}

/** The whole HTTP application over an open, migrated database. main.ts only listens. */
export async function buildApp({ config, db, logger = false, publicChangeListener, onIntakeFiled }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    bodyLimit: 256 * 1024,
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('config', config);
  app.decorate('db', db);
  app.decorate('tileCache', new TileCache());
  app.decorate('analyticsCache', new AnalyticsCache());
  // The instance that made a change drops its tiles at once (the answer to the resident must
  // already show their report); every instance also follows the database's notifications.
  app.decorate('reportChanged', (lon: number, lat: number) => dropReportTiles(app.tileCache, lon, lat));
  const stopFollowing = await followReportChanges(db, app.tileCache);
  app.addHook('onClose', async () => stopFollowing());

  app.decorate('publicChange', (event: { reportId: number; eventId: number }) => {
    publicChangeListener?.(event);
  });

  registerErrorHandler(app);
  await app.register(compress, { global: true, encodings: ['br', 'gzip'], threshold: 1024 });
  await app.register(cookie);
  // Only routes that opt in (sign-in) are limited; per process, see docs on scaling.
  await app.register(rateLimit, { global: false });
  await app.register(multipart, {
    limits: { fileSize: maxPhotoBytes, files: maxPhotos, fields: 20, fieldSize: 10_000, parts: 30 },
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'PetaWarga API',
        version: '0.1.0',
        description: 'Public-service reports of Kota Tangerang and Kota Tangerang Selatan, on a map.',
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  await app.register(healthRoutes);
  await app.register(referenceRoutes);
  await app.register(boundaryRoutes);
  await app.register(reportRoutes);
  await app.register(photoRoutes);
  await app.register(tileRoutes);
  await app.register(deadlineRoutes);
  await app.register(staffRoutes);
  await app.register(lifecycleRoutes);
  await app.register(moderationRoutes);
  await app.register(layerRoutes);
  await app.register(routingRuleRoutes);
  await app.register(analyticsRoutes);
  await app.register(consoleRoutes, { onIntakeFiled });
  await registerWebApp(app, config.webDistDir);
  return app;
}
