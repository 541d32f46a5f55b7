import type { FastifyInstance, FastifyRequest } from 'fastify';
import { appError } from './error-catalogue.ts';

// A body is read only in a media type its route declares: the keys of `body.content`, else the
// route's `consumes`, else JSON. Anything else answers 415 before it is parsed, so JSON sent as
// text/plain cannot skip the body schema, and a form cannot reach a route that expects JSON.

interface BodySchema {
  body?: { content?: Record<string, unknown> };
  consumes?: string[];
}

const withBody = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function accepted(schema: BodySchema | undefined): string[] {
  if (schema?.body?.content) return Object.keys(schema.body.content);
  return schema?.consumes ?? ['application/json'];
}

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

export function refuseUnacceptedMediaTypes(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (!withBody.has(request.method) || request.is404) return;
    const schema = request.routeOptions.schema as BodySchema | undefined;
    const header = request.headers['content-type'];
    if (!header) {
      // A route that reads its body by media type alone (JSON or a form) has no schema for none.
      if (schema?.body?.content) throw appError('MALFORMED_JSON');
      if (hasBody(request)) throw appError('UNSUPPORTED_MEDIA_TYPE');
      return;
    }
    const [essence, ...parameters] = header.split(';').map((p) => p.trim().toLowerCase());
    if (!accepted(schema).includes(essence)) throw appError('UNSUPPORTED_MEDIA_TYPE');
    if (essence === 'multipart/form-data' && !parameters.some((p) => /^boundary=.+/.test(p))) {
      throw appError('MALFORMED_MULTIPART');
    }
  });
}
