import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from '../db/database.ts';
import { errorResponses } from '../http/responses.ts';

// Two questions a supervisor asks separately: is the process alive (restart it if not), and
// can it serve (send it traffic if so). A database outage makes an instance unready, never
// dead: restarting it would not bring the database back.
export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/health/live', {
    schema: {
      tags: ['health'],
      summary: 'Liveness: the process answers (never asks the database)',
      response: { 200: Type.Object({ status: Type.Literal('ok') }), ...errorResponses(500) },
    },
  }, async () => ({ status: 'ok' as const }));

  app.get('/health/ready', {
    schema: {
      tags: ['health'],
      summary: 'Readiness: the database answers; 503 DATABASE_UNAVAILABLE with Retry-After when not',
      response: { 200: Type.Object({ status: Type.Literal('ready'), database: Type.String() }), ...errorResponses(500, 503) },
    },
  }, async () => {
    await app.db.query(sql`SELECT 1`);
    return { status: 'ready' as const, database: app.db.kind };
  });

  app.get('/health', {
    schema: {
      tags: ['health'],
      summary: 'Liveness and database reachability, with the number of reports (as /health/ready, 503 when the database is unreachable)',
      response: {
        200: Type.Object({ status: Type.Literal('ok'), database: Type.String(), reports: Type.Integer() }),
        ...errorResponses(500, 503),
      },
    },
  }, async () => {
    const [row] = await app.db.query<{ reports: number }>(sql`SELECT count(*)::int AS reports FROM reports`);
    return { status: 'ok' as const, database: app.db.kind, reports: row.reports };
  });
};
