import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from '../db/database.ts';
import { errorResponses } from '../http/responses.ts';
import { requireStaff } from '../staff/sessions.ts';
import { HeldReport } from './schemas.ts';

/**
 * The moderation queue: reports held by the screen (or by MODERATE_ALL), oldest first, with
 * what raised the flag. Approve or reject through POST /api/reports/:code/status; personal data
 * in a description is edited out through PATCH /api/reports/:code.
 */
export const moderationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/moderation/queue', {
    preHandler: requireStaff(app.db, ['admin', 'moderator']),
    schema: {
      tags: ['moderation'],
      summary: 'Reports waiting for a moderator',
      querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }) }),
      response: { 200: Type.Object({ reports: Type.Array(HeldReport) }), ...errorResponses(400, 401, 403, 500, 503) },
    },
  }, async (request) => {
    const reports = await app.db.query<HeldReport>(sql`
      SELECT r.code, r.category_code AS category, r.description, r.channel, r.kelurahan_code AS kelurahan,
             k.name AS kelurahan_name, kc.name AS kecamatan_name,
             r.department_code AS department, d.name AS department_name, r.moderation_flags,
             to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at
      FROM reports r
      JOIN kelurahan k ON k.code = r.kelurahan_code
      JOIN kecamatan kc ON kc.code = r.kecamatan_code
      JOIN departments d ON d.code = r.department_code
      WHERE r.status = 'submitted'
      ORDER BY r.created_at, r.id
      LIMIT ${request.query.limit}`);
    return { reports };
  });
};
