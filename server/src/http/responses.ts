import type { Readable } from 'node:stream';
import { Type } from 'typebox';
import { ErrorResponse } from './app-error.ts';

/** ErrorResponse under each status a route may refuse with (error-handler.ts sends them). */
export function errorResponses<S extends number>(...statuses: S[]): Record<S, typeof ErrorResponse> {
  return Object.fromEntries(statuses.map((status) => [status, ErrorResponse])) as Record<S, typeof ErrorResponse>;
}

/**
 * A success answer that is not JSON (tile, photo, CSV), declared under its own media type so that
 * the OpenAPI document says what comes back; Fastify sends such bodies as they are.
 */
export function mediaResponse<M extends string>(mediaType: M, description: string, format: 'binary' | 'text' = 'binary') {
  return { description, content: mediaContent(mediaType, description, format) };
}

/** The `content` entry of one such media type, to sit beside a JSON one (CSV beside GeoJSON). */
export function mediaContent<M extends string>(mediaType: M, description: string, format: 'binary' | 'text' = 'binary') {
  // Typed as what a handler may send for it: bytes, a stream of them, or text.
  const schema = Type.Unsafe<Buffer | Readable | string>(
    format === 'binary' ? { type: 'string', format: 'binary', description } : { type: 'string', description });
  return { [mediaType]: { schema } } as Record<M, { schema: typeof schema }>;
}

/** Tiles and other cached bodies: 304 when If-None-Match names the current ETag. */
export const notModified = Type.Null({ description: 'Not Modified: the ETag in If-None-Match is current' });
