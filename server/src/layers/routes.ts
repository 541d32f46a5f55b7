import { type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponse } from '../http/app-error.ts';
import { basemapLayerRoutes } from './basemap-routes.ts';
import { errorResponses } from '../http/responses.ts';
import { LayerCollection, LayerSummary } from './schemas.ts';
import { requireStaff } from '../staff/sessions.ts';
import { layerLimits } from './geojson.ts';
import { importLayer, layerNamePattern } from './import.ts';
import { deleteLayer, layerAsGeoJson, listLayers } from './queries.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 413: ErrorResponse, 422: ErrorResponse };
const NameParams = Type.Object({ name: Type.String({ pattern: layerNamePattern }) });

/**
 * Reference layers for routing rules (roads, river banks, markets), imported from GeoJSON.
 * Reading is for any staff; importing and deleting change where reports go, so admins only.
 */
export const layerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const anyStaff = requireStaff(app.db, ['admin', 'moderator', 'department_officer', 'kelurahan_officer', 'planner']);
  const admin = requireStaff(app.db, ['admin']);

  // RFC 7946's media type; scoped to this plugin.
  app.addContentTypeParser('application/geo+json', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));

  await app.register(basemapLayerRoutes);

  app.post('/api/layers', {
    preHandler: admin,
    bodyLimit: layerLimits.maxBytes,
    schema: {
      tags: ['layers'],
      summary: 'Import a GeoJSON FeatureCollection as a named layer (admin)',
      description:
        'The body is the FeatureCollection itself (application/geo+json or application/json), WGS 84 lon/lat. ' +
        `At most ${layerLimits.maxFeatures} features, ${layerLimits.maxPositions} vertices, 5 MB. Invalid geometry is ` +
        'repaired with ST_MakeValid (listed in `repaired`) unless repair=false; every feature must lie within 5 km ' +
        'of the two cities. Refusals: 400 INVALID_GEOJSON, 422 UNSUPPORTED_CRS, NOT_LONLAT, COORDINATES_SWAPPED, ' +
        'UNSUPPORTED_GEOMETRY_TYPE, INVALID_GEOMETRY, FEATURES_OUTSIDE_SERVICE_AREA, TOO_MANY_FEATURES, ' +
        'TOO_MANY_VERTICES, DUPLICATE_FEATURE_ID, EMPTY_LAYER; 409 LAYER_EXISTS.',
      querystring: Type.Object({
        name: Type.String({ pattern: layerNamePattern }),
        title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
        replace: Type.Boolean({ default: false }),
        repair: Type.Boolean({ default: true }),
      }),
      consumes: ['application/json', 'application/geo+json'],
      body: Type.Unknown(),
      response: {
        201: Type.Object({
          name: Type.String(), title: Type.Union([Type.String(), Type.Null()]), feature_count: Type.Integer(),
          replaced: Type.Boolean(), repaired: Type.Array(Type.Object({ id: Type.String(), reason: Type.String() })),
        }),
        ...errors,
      },
    },
  }, async (request, reply) => {
    const { name, title, replace, repair } = request.query;
    const imported = await importLayer(request.tx, {
      name, title, replace, repair, collection: request.body, actor: `staff:${request.staff!.id}`,
    });
    reply.status(201).header('location', `/api/layers/${name}`);
    return imported;
  });

  app.get('/api/layers', {
    preHandler: anyStaff,
    schema: {
      tags: ['layers'],
      summary: 'Layers with their feature counts and the rules that use them (staff)',
      response: { 200: Type.Object({ layers: Type.Array(LayerSummary) }), ...errorResponses(401, 403, 500, 503) },
    },
  }, async () => ({ layers: await listLayers(app.db) }));

  app.get('/api/layers/:name', {
    preHandler: anyStaff,
    schema: {
      tags: ['layers'],
      summary: 'One layer as GeoJSON (staff)',
      params: NameParams,
      response: {
        200: { description: 'The FeatureCollection as imported (repaired geometry)', content: { 'application/geo+json': { schema: LayerCollection } } },
        ...errorResponses(400, 401, 403, 404, 500, 503),
      },
    },
  }, async (request, reply) => {
    return reply.type('application/geo+json').send(await layerAsGeoJson(app.db, request.params.name));
  });

  app.delete('/api/layers/:name', {
    preHandler: admin,
    schema: { tags: ['layers'], summary: 'Delete a layer no rule uses (admin)', params: NameParams, response: { 204: Type.Null(), ...errors } },
  }, async (request, reply) => {
    await deleteLayer(request.tx, request.params.name);
    reply.status(204);
    return null;
  });
};
