import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../http/responses.ts';
import { requireStaff } from '../staff/sessions.ts';
import { ApiKeyView, issueApiKey, listApiKeys, revokeApiKey } from './api-keys.ts';

const tags = ['open311'];

/** Admins issue and revoke the keys other applications post Open311 requests with. */
export const apiKeyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const adminOnly = requireStaff(app.db, ['admin']);

  app.get('/api/admin/api-keys', {
    preHandler: adminOnly,
    schema: {
      tags, summary: 'Every Open311 API key, live ones first (never the key itself)',
      response: { 200: Type.Array(ApiKeyView), ...errorResponses(401, 403, 500, 503) },
    },
  }, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return listApiKeys(app.db);
  });

  app.post('/api/admin/api-keys', {
    preHandler: adminOnly,
    schema: {
      tags, summary: 'Issue an API key; the answer is the only time the key is shown. Needs x-csrf-token',
      body: Type.Object({
        name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S', description: 'Who the key is for, e.g. the application' }),
      }, { additionalProperties: false }),
      response: {
        201: Type.Object({ ...ApiKeyView.properties, key: Type.String({ description: 'Shown once; only its SHA-256 is stored' }) }),
        ...errorResponses(400, 401, 403, 500, 503),
      },
    },
  }, async (request, reply) => {
    reply.status(201).header('cache-control', 'no-store');
    return issueApiKey(request.tx, request.body.name, request.staff!.id);
  });

  app.post('/api/admin/api-keys/:id/revoke', {
    preHandler: adminOnly,
    schema: {
      tags, summary: 'Revoke an API key at once. Needs x-csrf-token',
      params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) }),
      response: { 200: ApiKeyView, ...errorResponses(400, 401, 403, 404, 500, 503) },
    },
  }, async (request) => revokeApiKey(request.tx, request.params.id));
};
