import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from 'typebox';
import { sql } from '../db/database.ts';
import { Feature, FeatureCollection, Geometry, PointGeometry } from '../http/geojson.ts';
import { errorResponses } from '../http/responses.ts';

const KelurahanCollection = FeatureCollection(Feature(Type.Object({
  code: Type.String(), name: Type.String(),
  kecamatan_code: Type.String(), kecamatan_name: Type.String(), city_code: Type.String(), city_name: Type.String(),
  area_km2: Type.Union([Type.Number(), Type.Null()]),
  population: Type.Union([Type.Integer(), Type.Null()]),
  label_point: Type.Union([PointGeometry, Type.Null()], { description: 'Where the name is drawn: inside the polygon' }),
}), Type.String({ description: 'The kelurahan code' }), Geometry));

export const boundaryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/kelurahan', {
    schema: {
      tags: ['boundaries'],
      summary: 'Kelurahan boundaries as GeoJSON',
      querystring: Type.Object({
        city: Type.Optional(Type.String({ pattern: '^[0-9]{2}\\.[0-9]{2}$', description: 'City code, e.g. 36.71' })),
      }),
      response: {
        200: { description: 'A FeatureCollection of (multi)polygons', content: { 'application/geo+json': { schema: KelurahanCollection } } },
        ...errorResponses(400, 500, 503),
      },
    },
  }, async (request, reply) => {
    const city = request.query.city ?? null;
    const [row] = await app.db.query<{ collection: Static<typeof KelurahanCollection> }>(sql`
      SELECT json_build_object('type', 'FeatureCollection', 'features', COALESCE(json_agg(
        json_build_object(
          'type', 'Feature',
          'id', k.code,
          'geometry', ST_AsGeoJSON(k.geom, 6)::json,
          'properties', json_build_object(
            'code', k.code, 'name', k.name, 'kecamatan_code', kec.code, 'kecamatan_name', kec.name,
            'city_code', c.code, 'city_name', c.name, 'area_km2', k.area_km2, 'population', k.population,
            'label_point', ST_AsGeoJSON(k.label_point, 6)::json))
        ORDER BY k.code), '[]'::json)) AS collection
      FROM kelurahan k
      JOIN kecamatan kec ON kec.code = k.kecamatan_code
      JOIN cities c ON c.code = k.city_code
      WHERE ${city}::text IS NULL OR k.city_code = ${city}`);
    return reply.type('application/geo+json').header('cache-control', 'public, max-age=3600').send(row.collection);
  });
};
