import type { FastifyReply, FastifyRequest } from 'fastify';
import { cachedTile, renderTile, type CachedTile, type TileCache, type TileCoord, type TileLayer } from '../../../tiles/src/index.ts';
import type { Database } from '../db/database.ts';

export const mvtContentType = 'application/vnd.mapbox-vector-tile';

/** Renders each tile once even when many requests for it arrive together. */
const rendering = new Map<string, Promise<CachedTile>>();

export interface TileRequest {
  source: string;
  variant: string;
  layers: TileLayer[];
  tile: TileCoord;
  cacheControl: string;
}

/**
 * Answers a tile request from the cache or by rendering it: gzip when the client takes it,
 * a strong ETag with 304 on a match, 204 for an empty tile (MapLibre treats it as empty).
 */
export async function sendTile(
  db: Database,
  cache: TileCache,
  t: TileRequest,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  let entry = cache.get(t.source, t.tile, t.variant);
  if (!entry) {
    const key = `${t.source}/${t.tile.z}/${t.tile.x}/${t.tile.y}?${t.variant}`;
    let pending = rendering.get(key);
    if (!pending) {
      pending = renderTile(db, t.layers, t.tile).then(cachedTile);
      rendering.set(key, pending);
      pending.then(
        (rendered) => cache.set(t.source, t.tile, t.variant, rendered),
        () => undefined,
      ).finally(() => rendering.delete(key));
    }
    entry = await pending;
  }
  reply.header('cache-control', t.cacheControl).header('etag', entry.etag).header('vary', 'accept-encoding');
  if (request.headers['if-none-match'] === entry.etag) return reply.status(304).send();
  if (entry.body.length === 0) return reply.status(204).send();
  reply.type(mvtContentType);
  if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
    return reply.header('content-encoding', 'gzip').send(entry.gzipped);
  }
  return reply.send(entry.body);
}
