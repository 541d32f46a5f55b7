import type { FastifyRequest } from 'fastify';
import type { Link } from './schemas.ts';

// Links are absolute (§7.2, /rec/core/link-header: clients such as GDAL follow them as they
// are), built from the address the client used: behind a proxy, trustProxy makes protocol and
// host those of X-Forwarded-Proto and X-Forwarded-Host.

export const media = {
  json: 'application/json',
  geojson: 'application/geo+json',
  openapi: 'application/vnd.oai.openapi+json;version=3.0',
  schema: 'application/schema+json',
  html: 'text/html',
} as const;

export const baseUrl = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

/** An absolute link to `path` (below the server root) with optional query parameters. */
export function link(request: FastifyRequest, path: string, rel: string, type: string, title?: string, query?: URLSearchParams): Link {
  const search = query?.toString();
  return { href: `${baseUrl(request)}${path}${search ? `?${search}` : ''}`, rel, type, ...(title ? { title } : {}) };
}

/** The request's own address, as its self link, and with `changes` applied, for next links. */
export function selfWith(request: FastifyRequest, changes: Record<string, string | undefined> = {}): string {
  const url = new URL(request.url, baseUrl(request));
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) url.searchParams.delete(key);
    else url.searchParams.set(key, value);
  }
  return url.toString();
}
