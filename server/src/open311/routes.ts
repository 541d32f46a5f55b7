import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { publicReadDb } from '../db/read-your-writes.ts';
import { appError } from '../http/error-catalogue.ts';
import { DeviceIdHeaders } from '../rate-limit/client.ts';
import { limitPublicWrites, publicWriteWindowMs } from '../rate-limit/public-writes.ts';
import { tooManyRequests } from '../rate-limit/refuse.ts';
import { useApiKey } from './api-keys.ts';
import { useOpen311Errors } from './errors.ts';
import { FormatParam, sendOpen311 } from './format.ts';
import { postRequest, PostRequestBody, readForm } from './post-request.ts';
import { findRequest, findToken, listRequests, RequestsQuery } from './requests.ts';
import {
  bothFormats, Discovery, FormatParams, JurisdictionId, Locale, open311Errors, PostedRequest, Service, ServiceDefinition,
  ServiceRequest, TokenAnswer,
} from './schemas.ts';
import { jurisdictionCities, listServices, serviceDefinition } from './services.ts';

const tags = ['open311'];
const bodyMediaTypes = ['application/x-www-form-urlencoded', 'application/json'];
const specification = 'http://wiki.open311.org/GeoReport_v2';
// When the routes below last changed what they answer; GeoReport clients cache the discovery by it.
const changeset = '2026-12-07T00:00:00Z';

/** Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2), under /open311/v2, in JSON and XML. */
export const open311Routes: FastifyPluginAsyncTypebox = async (app) => {
  useOpen311Errors(app);
  // The specification's POST is a form; Fastify reads JSON only unless told.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) => {
    done(null, readForm(body as string));
  });

  const apiKeyIds = new WeakMap<FastifyRequest, number>();
  // A key stands for an application that may serve a whole city, like a carrier's address: its
  // writes are limited as an address's are.
  const perKey = app.createRateLimit({
    max: app.config.addressWriteLimit, timeWindow: publicWriteWindowMs,
    keyGenerator: (request) => `open311-key|${apiKeyIds.get(request)}`,
  });

  app.get('/discovery.:format', {
    schema: {
      tags, summary: 'Service discovery: where the GeoReport v2 endpoint is and which formats it speaks',
      params: FormatParams,
      response: { 200: bothFormats(Discovery, 'The discovery document'), ...open311Errors(400, 404, 500, 503) },
    },
  }, async (request, reply) => {
    const url = `${app.config.publicBaseUrl}/open311/v2`;
    return sendOpen311(reply, request.params.format, 'discovery', {
      changeset,
      contact: `${app.config.publicBaseUrl}/`,
      key_service: 'An admin of PetaWarga issues API keys in the staff console (/console, API keys).',
      endpoints: [{ specification, url, changeset, type: 'production', formats: ['text/xml', 'application/json'] }],
    });
  });

  app.get('/services.:format', {
    schema: {
      tags, summary: 'Every service (report category), with its group and keywords',
      params: FormatParams,
      querystring: Type.Object({ jurisdiction_id: JurisdictionId, locale: Locale }),
      response: { 200: bothFormats(Type.Array(Service), 'The services'), ...open311Errors(400, 404, 500, 503) },
    },
  }, async (request, reply) => {
    const db = await publicReadDb(app, request, reply);
    await jurisdictionCities(db, request.query.jurisdiction_id);
    return sendOpen311(reply, request.params.format, 'services', await listServices(db, request.query.locale ?? 'id'));
  });

  app.get('/services/:service_code.:format', {
    schema: {
      tags, summary: 'A service\'s definition: the questions (attributes) it asks',
      params: Type.Object({ service_code: Type.String({ pattern: '^[A-Za-z0-9_-]{1,100}$' }), format: FormatParam }),
      querystring: Type.Object({ jurisdiction_id: JurisdictionId, locale: Locale }),
      response: { 200: bothFormats(ServiceDefinition, 'The service definition'), ...open311Errors(400, 404, 500, 503) },
    },
  }, async (request, reply) => {
    const db = await publicReadDb(app, request, reply);
    await jurisdictionCities(db, request.query.jurisdiction_id);
    const definition = await serviceDefinition(db, request.params.service_code, request.query.locale ?? 'id');
    return sendOpen311(reply, request.params.format, 'service_definition', definition);
  });

  app.post('/requests.:format', {
    onRequest: limitPublicWrites(app, 'open311-request'),
    // Fastify checks a body only in the media types its schema names, and reads multipart for
    // the whole app: anything else is refused here, before it could reach the handler unchecked.
    preValidation: async (request) => {
      const essence = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      if (!bodyMediaTypes.includes(essence)) throw appError('UNSUPPORTED_MEDIA_TYPE');
      if (typeof request.body !== 'object' || request.body === null || Array.isArray(request.body)) {
        throw appError('VALIDATION_FAILED', { details: [{ field: 'body', problem: 'must be an object of fields' }] });
      }
    },
    preHandler: async (request) => {
      // On app.db, before the request's transaction: the key's use and count stand even when
      // the report is refused, and the embedded database's one connection is not yet taken.
      const body = request.body as PostRequestBody;
      apiKeyIds.set(request, await useApiKey(app.db, body.api_key));
      const count = await perKey(request);
      if (!count.isAllowed && count.isExceeded) throw tooManyRequests(count.ttlInSeconds);
    },
    schema: {
      tags, summary: 'File a service request (a report) with an api_key',
      description: 'A form (application/x-www-form-urlencoded) or JSON. The report goes through the same checks, ' +
        'moderation, routing, deadline and idempotency (Idempotency-Key header) as every channel. Contact fields ' +
        '(email, phone, first_name, last_name, device_id) are kept private. A report held for moderation answers ' +
        'a token instead of a service_request_id. Refusals: 403 for the key, 400 for anything else, 429 at abusive rates.',
      params: FormatParams,
      headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ maxLength: 200 })), ...DeviceIdHeaders.properties }),
      body: {
        content: {
          'application/x-www-form-urlencoded': { schema: PostRequestBody },
          'application/json': { schema: PostRequestBody },
        },
      } as never,
      response: {
        200: bothFormats(Type.Array(PostedRequest), 'A retried request (same Idempotency-Key): the report it created'),
        201: bothFormats(Type.Array(PostedRequest), 'The request was filed'),
        ...open311Errors(400, 403, 413, 415, 429, 500, 503),
      },
    },
  }, async (request, reply) => {
    const posted = await postRequest(app, request, request.tx, request.body as PostRequestBody, apiKeyIds.get(request)!);
    reply.status(posted.replayed ? 200 : 201).header('idempotent-replayed', String(posted.replayed));
    const answer = posted.published
      ? { service_request_id: posted.code, service_notice: 'Published on the PetaWarga map and routed to the responsible department.' }
      : { token: posted.code, service_notice: 'Held for a moderator; GET tokens/{token} gives its service_request_id once published.' };
    return sendOpen311(reply, request.params.format, 'service_requests', [{ ...answer, account_id: null }]);
  });

  app.get('/requests.:format', {
    schema: {
      tags, summary: 'Public service requests, newest first',
      description: 'Without start_date and end_date, the last 90 days; the span may not exceed 90 days. ' +
        'Extensions: bbox, page and page_size.',
      params: FormatParams,
      querystring: RequestsQuery,
      response: { 200: bothFormats(Type.Array(ServiceRequest), 'The service requests'), ...open311Errors(400, 404, 500, 503) },
    },
  }, async (request, reply) => {
    const db = await publicReadDb(app, request, reply);
    const requests = await listRequests(db, request.query, app.config.publicBaseUrl);
    return sendOpen311(reply, request.params.format, 'service_requests', requests);
  });

  app.get('/requests/:service_request_id.:format', {
    schema: {
      tags, summary: 'One public service request',
      params: Type.Object({ service_request_id: Type.String({ pattern: '^[A-Za-z0-9-]{1,40}$', description: 'A tracking code' }), format: FormatParam }),
      querystring: Type.Object({ jurisdiction_id: JurisdictionId, locale: Locale }),
      response: { 200: bothFormats(Type.Array(ServiceRequest), 'The service request, as a list of one'), ...open311Errors(400, 404, 500, 503) },
    },
  }, async (request, reply) => {
    const db = await publicReadDb(app, request, reply);
    await jurisdictionCities(db, request.query.jurisdiction_id);
    const found = await findRequest(db, request.params.service_request_id, request.query.locale ?? 'id', app.config.publicBaseUrl);
    return sendOpen311(reply, request.params.format, 'service_requests', [found]);
  });

  app.get('/tokens/:token.:format', {
    schema: {
      tags, summary: 'The service_request_id of a token, once the report is published',
      params: Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9-]{1,40}$', description: 'The token a POST answered' }), format: FormatParam }),
      querystring: Type.Object({ jurisdiction_id: JurisdictionId }),
      response: { 200: bothFormats(Type.Array(TokenAnswer), 'The token and, once published, its service_request_id'), ...open311Errors(400, 404, 500, 503) },
    },
  }, async (request, reply) => {
    // On the primary: a client asks right after posting, before a replica may have the report.
    await jurisdictionCities(app.db, request.query.jurisdiction_id);
    return sendOpen311(reply, request.params.format, 'service_requests', [await findToken(app.db, request.params.token)]);
  });
};
