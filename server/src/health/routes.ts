import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from '../db/database.ts';

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/health', {
    schema: {
      tags: ['health'],
      summary: 'Liveness and database reachability',
      response: {
        200: Type.Object({ status: Type.Literal('ok'), database: Type.String(), reports: Type.Integer() }),
      },
    },
  }, async () => {
    const [row] = await app.db.query<{ reports: number }>(sql`SELECT count(*)::int AS reports FROM reports`);
    return { status: 'ok' as const, database: app.db.kind, reports: row.reports };
  });
};
