import { type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../http/responses.ts';
import { requireStaff } from '../staff/sessions.ts';
import { basemapOffer, copyBasemapLayer, copyableBasemapLayers } from './from-basemap.ts';
import { layerNamePattern } from './import.ts';
import { BasemapOffer } from './schemas.ts';

/**
 * Routing layers made from the installed base map instead of an uploaded file: the kinds on offer,
 * and the copy. Registered by layerRoutes, under the same /api/layers.
 */
export const basemapLayerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const admin = requireStaff(app.db, ['admin']);

  app.get('/api/layers/from-basemap/kinds', {
    preHandler: admin,
    schema: {
      tags: ['layers'],
      summary: 'The base-map features a layer can be made of, by layer and kind, with their counts (admin)',
      response: { 200: BasemapOffer, ...errorResponses(401, 403, 500, 503) },
    },
  }, async () => basemapOffer(app.db));

  app.post('/api/layers/from-basemap', {
    preHandler: admin,
    schema: {
      tags: ['layers'],
      summary: 'Make a layer of the base map\'s features of one kind, optionally only those whose name contains a text (admin)',
      description:
        'Copies the matching features of the installed base map (EPSG:3857) into a new layer (EPSG:4326), each keyed by ' +
        'its OSM id and keeping its name. The copy is a snapshot: a later base-map import does not change it. ' +
        'Refusals: 409 BASEMAP_NOT_INSTALLED, LAYER_EXISTS; 422 BASEMAP_NOTHING_MATCHED, TOO_MANY_FEATURES, TOO_MANY_VERTICES.',
      body: Type.Object({
        name: Type.String({ pattern: layerNamePattern }),
        title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
        layer: Type.Union(copyableBasemapLayers.map((l) => Type.Literal(l))),
        kind: Type.String({ pattern: '^[a-z_]{1,40}$' }),
        name_contains: Type.Optional(Type.String({ minLength: 2, maxLength: 100 })),
      }, { additionalProperties: false }),
      response: {
        201: Type.Object({
          name: Type.String(), title: Type.Union([Type.String(), Type.Null()]), feature_count: Type.Integer(), is_sample: Type.Boolean(),
        }),
        ...errorResponses(400, 401, 403, 409, 422, 500, 503),
      },
    },
  }, async (request, reply) => {
    const { name, title, layer, kind, name_contains: nameContains } = request.body;
    const copied = await copyBasemapLayer(request.tx, { name, title, layer, kind, nameContains, actor: `staff:${request.staff!.id}` });
    reply.status(201).header('location', `/api/layers/${name}`);
    return copied;
  });
};
