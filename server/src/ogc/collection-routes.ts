import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { publicReadDb } from '../db/read-your-writes.ts';
import { appError } from '../http/error-catalogue.ts';
import type { OgcCollection, ReadContext } from './collection.ts';
import { collectionDocument, queryablesDocument } from './documents.ts';
import { Format, itemsQuerySchema, readItemsRequest } from './items-query.ts';
import { link, media, selfWith } from './links.ts';
import { negotiate } from './negotiation.ts';
import { Collection, OgcException, OgcFeature, OgcFeatureCollection, QueryablesDocument } from './schemas.ts';

// /ogc/collections/{collectionId}, its items, one item and its queryables (OGC 17-069r4
// §7.14–7.16, Part 3 §6), registered per collection so that the OpenAPI document gives each its
// own parameters and feature properties.

export const ogcErrors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, {
  description: 'An OGC exception (exception.yaml)', content: { [media.json]: { schema: OgcException } },
}]));

/** Both GeoJSON and JSON, the same body: a client asking only for application/json gets it too. */
const geojsonContent = <S>(schema: S) => ({ [media.geojson]: { schema }, [media.json]: { schema } });

async function readContext(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply): Promise<ReadContext> {
  return { app, request, db: await publicReadDb(app, request, reply) };
}

export function registerCollection(app: FastifyInstance, c: OgcCollection): void {
  const path = `/collections/${c.id}`;
  const tags = ['ogc'];

  app.get(path, {
    schema: {
      tags, summary: `The ${c.id} collection: its extent and links`,
      querystring: Type.Object({ f: Format }),
      response: { 200: { description: 'collection.yaml', content: { [media.json]: { schema: Collection } } }, ...ogcErrors(400, 406, 500, 503) },
    },
  }, async (request, reply) => {
    reply.type(negotiate(request, [media.json]));
    return collectionDocument(await readContext(app, request, reply), c);
  });

  app.get(`${path}/items`, {
    schema: {
      tags, summary: `${c.title} as GeoJSON, paged by next links`,
      description: c.description,
      querystring: itemsQuerySchema(c),
      response: {
        200: { description: 'featureCollectionGeoJSON.yaml', content: geojsonContent(OgcFeatureCollection(c.properties, c.featureId)) },
        ...ogcErrors(400, 406, 429, 500, 503),
      },
    },
  }, async (request, reply) => {
    const type = negotiate(request, [media.geojson, media.json]);
    const page = await c.items(await readContext(app, request, reply), readItemsRequest(c, request.query as Record<string, unknown>));
    const links = [
      { href: selfWith(request), rel: 'self', type: media.geojson, title: 'This page' },
      ...(page.next ? [{ href: selfWith(request, { cursor: page.next }), rel: 'next', type: media.geojson, title: 'Next page' }] : []),
      link(request, `/ogc${path}`, 'collection', media.json, c.title),
    ];
    return reply.type(type).send({
      type: 'FeatureCollection',
      features: page.features,
      links,
      timeStamp: new Date().toISOString(),
      numberMatched: page.numberMatched,
      numberReturned: page.features.length,
    });
  });

  app.get(`${path}/items/:featureId`, {
    schema: {
      tags, summary: `One feature of ${c.id}`,
      params: Type.Object({ featureId: Type.String({ maxLength: 100 }) }),
      querystring: Type.Object({ f: Format }),
      response: {
        200: { description: 'featureGeoJSON.yaml', content: geojsonContent(OgcFeature(c.properties, c.featureId)) },
        ...ogcErrors(400, 404, 406, 429, 500, 503),
      },
    },
  }, async (request, reply) => {
    const type = negotiate(request, [media.geojson, media.json]);
    const { featureId } = request.params as { featureId: string };
    const feature = await c.item(await readContext(app, request, reply), featureId);
    if (!feature) throw appError('FEATURE_NOT_FOUND', { collection: c.id, id: featureId });
    const self = `/ogc${path}/items/${encodeURIComponent(featureId)}`;
    return reply.type(type).send({
      ...feature,
      links: [link(request, self, 'self', media.geojson, 'This feature'), link(request, `/ogc${path}`, 'collection', media.json, c.title)],
    });
  });

  if (!c.queryables) return;
  app.get(`${path}/queryables`, {
    schema: {
      tags, summary: `What a CQL2 filter on ${c.id} may name, as a JSON Schema`,
      querystring: Type.Object({ f: Format }),
      response: {
        200: { description: 'Part 3 §6.2', content: { [media.schema]: { schema: QueryablesDocument }, [media.json]: { schema: QueryablesDocument } } },
        ...ogcErrors(400, 406, 500),
      },
    },
  }, async (request, reply) => reply.type(negotiate(request, [media.schema, media.json])).send(queryablesDocument(request, c)));
}
