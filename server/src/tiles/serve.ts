import type { FastifyReply, FastifyRequest } from 'fastify';
import { cachedTile, renderTile, type CachedTile, type TileCache, type TileCoord, type TileLayer } from '../../../tiles/src/index.ts';
import type { ReadPath, ReadSource } from '../db/replica.ts';

export const mvtContentType = 'application/vnd.mapbox-vector-tile';

interface Rendering {
  tile: Promise<CachedTile>;
  from: ReadSource;
}

/** Renders each tile once even when many requests for it arrive together, per cache. */
const renderingByCache = new WeakMap<TileCache, Map<string, Rendering>>();

export interface TileRequest {
  source: string;
  variant: string;
  layers: TileLayer[];
  tile: TileCoord;
  /** Chooses the database for a render (the replica when it is fresh enough, else the primary). */
  readPath: () => Promise<ReadPath>;
  cacheControl: string;
}

function render(cache: TileCache, t: TileRequest): Rendering | Promise<Rendering> {
  let rendering = renderingByCache.get(cache);
  if (!rendering) renderingByCache.set(cache, (rendering = new Map()));
  // A request after an invalidation must not join a render that began before it.
  const generation = cache.generation;
  const key = `${t.source}/${t.tile.z}/${t.tile.x}/${t.tile.y}?${t.variant}#${generation}`;
  const pending = rendering.get(key);
  if (pending) return pending;
  return t.readPath().then(({ db, from }) => {
    const again = rendering.get(key);
    if (again) return again;
    const started: Rendering = { from, tile: renderTile(db, t.layers, t.tile).then(cachedTile) };
    rendering.set(key, started);
    started.tile.then(
      (rendered) => { if (cache.generation === generation) cache.set(t.source, t.tile, t.variant, rendered); },
      () => undefined,
    ).finally(() => rendering.delete(key));
    return started;
  });
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
  let entry = cache.get(t.source, t.tile, t.variant);
  let from: ReadSource | 'cache' = 'cache';
  if (!entry) {
    const rendering = await render(cache, t);
    entry = await rendering.tile;
    from = rendering.from;
  }
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
