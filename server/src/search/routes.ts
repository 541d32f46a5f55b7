import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../http/responses.ts';
import { searchPlaces } from './queries.ts';
import { SearchQuery, SearchResults } from './schemas.ts';

export const searchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/search', {
    schema: {
      tags: ['boundaries'],
      summary: 'Finds kelurahan, kecamatan and, where a base map is imported, streets and places by name',
      description: 'For the search box of the public map: each result has a point and a box to show.',
      querystring: SearchQuery,
      response: { 200: SearchResults, ...errorResponses(400, 500, 503) },
    },
  }, async (request, reply) => {
    const { db } = await app.reads.after(undefined);
    const results = await searchPlaces(db, request.query.q, request.query.limit);
    // Names change with an import or a decree, not by the minute.
    return reply.header('cache-control', 'public, max-age=300').send({ results });
  });
};
