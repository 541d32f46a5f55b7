import type { FastifyReply, FastifyRequest } from 'fastify';
import { cachedOrRendered, type TileCache, type TileSpec } from '../../../tiles/src/index.ts';
import type { ReadPath } from '../db/replica.ts';

export const mvtContentType = 'application/vnd.mapbox-vector-tile';

export interface TileRequest extends TileSpec {
  /** Chooses the database for a render (the replica when it is fresh enough, else the primary). */
  readPath: () => Promise<ReadPath>;
  cacheControl: string;
}

/**
 * Answers a tile request from the cache or by rendering it: gzip when the client takes it,
 * a strong ETag with 304 on a match, 204 for an empty tile (MapLibre treats it as empty).
 * X-Read-From says where the bytes came from: cache, replica or primary.
 */
export async function sendTile(
  cache: TileCache,
  t: TileRequest,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const { tile: entry, from } = await cachedOrRendered(cache, t, t.readPath);
  reply.header('cache-control', t.cacheControl).header('etag', entry.etag)
    .header('vary', 'accept-encoding').header('x-read-from', from);
  if (request.headers['if-none-match'] === entry.etag) return reply.status(304).send();
  if (entry.body.length === 0) return reply.status(204).send();
  reply.type(mvtContentType);
  if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
    return reply.header('content-encoding', 'gzip').send(entry.gzipped);
  }
  return reply.send(entry.body);
}
