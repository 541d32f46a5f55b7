import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from './error-handler.ts';

export type NotFoundHandler = (request: FastifyRequest, reply: FastifyReply) => unknown;

declare module 'fastify' {
  interface FastifyInstance {
    /** Not-found answers of services with an error format of their own, by path prefix. */
    notFoundByPrefix: Map<string, NotFoundHandler>;
  }
}

/**
 * Paths that belong to machine clients: an unknown one answers 404 in an API's error format,
 * never the web app's HTML page. By default that is the catalogue's JSON (`NOT_FOUND`).
 */
export const machinePrefixes = ['/api', '/open311', '/ogc', '/tiles', '/media', '/docs', '/health', '/assets'];

const pathOf = (url: string) => url.split(/[?#]/, 1)[0];
const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

export function isMachinePath(url: string): boolean {
  const path = pathOf(url);
  return machinePrefixes.some((prefix) => under(path, prefix));
}

export function useMachineNotFound(app: FastifyInstance): void {
  app.decorate('notFoundByPrefix', new Map<string, NotFoundHandler>());
}

/**
 * A service under a machine prefix (Open311 at /open311, OGC API at /ogc) answers unknown paths
 * below it in its own error format: `overrideNotFound(app, '/open311', handler)` from its plugin.
 * Fastify's own per-prefix setNotFoundHandler cannot do this for GET, because the web app's
 * static files are served by a catch-all GET route whose misses reach the root handler.
 */
export function overrideNotFound(app: FastifyInstance, prefix: string, handler: NotFoundHandler): void {
  app.notFoundByPrefix.set(prefix.replace(/\/$/, ''), handler);
}

/** The not-found answer for a machine path: the longest overriding prefix's, else JSON NOT_FOUND. */
export function machineNotFound(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
  const path = pathOf(request.url);
  const [, handler] = [...app.notFoundByPrefix]
    .filter(([prefix]) => under(path, prefix))
    .sort(([a], [b]) => b.length - a.length)[0] ?? [];
  return handler ? handler(request, reply) : notFound(request, reply);
}
