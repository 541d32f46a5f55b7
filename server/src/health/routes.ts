import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from '../db/database.ts';
import { errorResponses } from '../http/responses.ts';

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/health', {
    schema: {
      tags: ['health'],
      summary: 'Liveness and database reachability',
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
