import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppError } from '../http/app-error.ts';
import { notFound, registerErrorHandler } from '../http/error-handler.ts';
import { overrideNotFound } from '../http/not-found.ts';
import { appError } from '../http/error-catalogue.ts';
import { publicReadDb } from '../db/read-your-writes.ts';
import { boundaryCollections } from './boundaries.ts';
import type { OgcCollection } from './collection.ts';
import { ogcErrors, registerCollection } from './collection-routes.ts';
import { conformanceClasses } from './conformance.ts';
import { collectionDocument } from './documents.ts';
import { hotspotCollections } from './hotspots.ts';
import { Format } from './items-query.ts';
import { link, media } from './links.ts';
import { negotiate } from './negotiation.ts';
import { reportsCollection } from './reports.ts';
import { Collections, Conformance, LandingPage } from './schemas.ts';

// OGC API - Features - Part 1: Core (OGC 17-069r4) at /ogc, with Part 3 filtering in CQL2 text:
// the landing page, conformance, the OpenAPI document, the collections and their items.
// Refusals here are OGC exceptions ({code, description}); elsewhere the app's ErrorResponse.

const ogcException = (refusal: AppError) => ({
  code: refusal.code,
  description: refusal.messages.en,
  description_id: refusal.messages.id,
  ...(refusal.details === undefined ? {} : { details: refusal.details }),
});

/** Registered with prefix /ogc. */
export async function ogcRoutes(app: FastifyInstance): Promise<void> {
  registerErrorHandler(app, ogcException);
  const ogcNotFound = (request: FastifyRequest, reply: FastifyReply) => {
    const collection = /^\/ogc\/collections\/([^/?]+)/.exec(request.url)?.[1];
    if (collection && !collections.some((c) => c.id === collection)) {
      return reply.status(404).send(ogcException(appError('COLLECTION_NOT_FOUND', { collection: decodeURIComponent(collection).slice(0, 100) })));
    }
    return notFound(request, reply, ogcException);
  };
  app.setNotFoundHandler(ogcNotFound);
  // A GET no route takes reaches the web app's not-found handler first (web/static.ts).
  overrideNotFound(app, '/ogc', ogcNotFound);

  const collections: OgcCollection[] = [reportsCollection, ...boundaryCollections, ...hotspotCollections(app)];
  const tags = ['ogc'];
  const f = Type.Object({ f: Format });

  // '' rather than '/': one route, /ogc, which @fastify/swagger documents as it is.
  app.get('', {
    schema: {
      tags, summary: 'OGC API - Features landing page',
      querystring: f,
      response: { 200: { description: 'landingPage.yaml', content: { [media.json]: { schema: LandingPage } } }, ...ogcErrors(400, 406, 500) },
    },
  }, async (request, reply) => reply.type(negotiate(request, [media.json])).send({
    title: 'PetaWarga OGC API - Features',
    description: 'Public reports of Kota Tangerang and Kota Tangerang Selatan, their kelurahan and kecamatan, and the ' +
      'hot spots of the planner view, as OGC API - Features (Part 1 Core, GeoJSON, OpenAPI 3.0; Part 3 CQL2 text filters).',
    links: [
      link(request, '/ogc', 'self', media.json, 'This document'),
      link(request, '/ogc/api', 'service-desc', media.openapi, 'The API definition (OpenAPI 3.0)'),
      link(request, '/docs', 'service-doc', media.html, 'The API documentation of the whole app'),
      link(request, '/ogc/conformance', 'conformance', media.json, 'Conformance classes'),
      link(request, '/ogc/collections', 'data', media.json, 'Collections'),
    ],
  }));

  app.get('/conformance', {
    schema: {
      tags, summary: 'The conformance classes this API implements',
      querystring: f,
      response: { 200: { description: 'confClasses.yaml', content: { [media.json]: { schema: Conformance } } }, ...ogcErrors(400, 406, 500) },
    },
  }, async (request, reply) => reply.type(negotiate(request, [media.json])).send({ conformsTo: conformanceClasses }));

  app.get('/api', {
    schema: {
      tags, summary: 'The OpenAPI 3.0 definition of /ogc',
      querystring: f,
      response: {
        200: {
          description: 'The app\'s own OpenAPI document, keeping only the paths under /ogc, relative to it',
          content: {
            [media.openapi]: { schema: OpenApiDocument },
            [media.json]: { schema: OpenApiDocument },
          },
        },
        ...ogcErrors(400, 406, 500),
      },
    },
  }, async (request, reply) => {
    const whole = app.swagger() as unknown as { openapi: string; info: object; paths: Record<string, unknown>; components?: object };
    // With its charset, or Fastify would add one and rewrite the type as version="3.0", which
    // GDAL, comparing the parameters token by token, refuses: it would then ignore the document.
    return reply.header('content-type', `${negotiate(request, [media.openapi, media.json])};charset=utf-8`).send({
      openapi: whole.openapi,
      info: { ...whole.info, title: 'PetaWarga OGC API - Features' },
      // Paths relative to the server /ogc, as OpenAPI means them: clients (GDAL) look up the items
      // path of a collection by its address below the landing page.
      servers: [{ url: `${request.protocol}://${request.host}/ogc` }],
      paths: Object.fromEntries(Object.entries(whole.paths)
        .filter(([path]) => path === '/ogc' || path.startsWith('/ogc/'))
        .map(([path, item]) => [path.slice('/ogc'.length) || '/', item])),
      components: whole.components ?? {},
    });
  });

  app.get('/collections', {
    schema: {
      tags, summary: 'The collections: reports, kelurahan, kecamatan and the hot-spot layers',
      querystring: f,
      response: { 200: { description: 'collections.yaml', content: { [media.json]: { schema: Collections } } }, ...ogcErrors(400, 406, 500, 503) },
    },
  }, async (request, reply) => {
    reply.type(negotiate(request, [media.json]));
    const read = { app, request, db: await publicReadDb(app, request, reply) };
    return {
      links: [link(request, '/ogc/collections', 'self', media.json, 'This document')],
      collections: await Promise.all(collections.map((c) => collectionDocument(read, c))),
    };
  });

  for (const c of collections) registerCollection(app, c);
}

const OpenApiDocument = Type.Object({
  openapi: Type.String(),
  info: Type.Object({ title: Type.String(), version: Type.String() }, { additionalProperties: true }),
  servers: Type.Array(Type.Object({ url: Type.String() })),
  paths: Type.Record(Type.String(), Type.Unknown({ description: 'A path item of OpenAPI 3.0' })),
  components: Type.Unknown({ description: 'The components of OpenAPI 3.0' }),
});
