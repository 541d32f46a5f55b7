import { cachedTile, type CachedTile, type RenderTicket, type TileCache } from './cache.ts';
import { renderTile, type TileLayer, type TileQueryable } from './render.ts';
import type { TileCoord } from './tile-coord.ts';

/** One tile of one source, drawn by `layers`; `variant` tells apart the filters of a source. */
export interface TileSpec {
  source: string;
  variant: string;
  layers: TileLayer[];
  tile: TileCoord;
}

/** The database a render reads, and where it is (a label the caller reports, such as 'replica'). */
export interface TileReadPath<From extends string> {
  db: TileQueryable;
  from: From;
}

export interface ServedTile<From extends string> {
  tile: CachedTile;
  from: From | 'cache';
}

/** A render that failed, named by source and tile so a log line says which one. */
export class TileRenderError extends Error {
  constructor(readonly source: string, readonly tile: TileCoord, cause: unknown) {
    super(`${source} ${tile.z}/${tile.x}/${tile.y}: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'TileRenderError';
  }
}

interface Rendering {
  tile: Promise<CachedTile>;
  from: string;
  ticket: RenderTicket;
}

/** Renders under way, per cache, so that each tile is rendered once however many ask for it at once. */
const renderingByCache = new WeakMap<TileCache, Map<string, Rendering>>();

async function render<From extends string>(
  cache: TileCache,
  spec: TileSpec,
  readPath: () => Promise<TileReadPath<From>>,
): Promise<Rendering> {
  let rendering = renderingByCache.get(cache);
  if (!rendering) renderingByCache.set(cache, (rendering = new Map()));
  const { source, variant, tile } = spec;
  const key = `${source}/${tile.z}/${tile.x}/${tile.y}?${variant}`;
  // A request after an invalidation of this tile must not join a render that began before it.
  const pending = rendering.get(key);
  if (pending && !pending.ticket.overtaken) return pending;
  const ticket = cache.beginRender(source, tile);
  let readFrom: TileReadPath<From>;
  try {
    readFrom = await readPath();
  } catch (error) {
    cache.finishRender(ticket);
    throw error;
  }
  const again = rendering.get(key);
  if (again && !again.ticket.overtaken) {
    cache.finishRender(ticket);
    return again;
  }
  const started: Rendering = {
    from: readFrom.from,
    ticket,
    tile: renderTile(readFrom.db, spec.layers, tile).then(cachedTile, (error: unknown) => {
      throw new TileRenderError(source, tile, error);
    }),
  };
  rendering.set(key, started);
  started.tile.then(
    (rendered) => cache.finishRender(ticket, variant, rendered),
    () => cache.finishRender(ticket),
  ).finally(() => {
    if (rendering.get(key) === started) rendering.delete(key);
  });
  return started;
}

/**
 * The tile from the cache, else rendered from the database `readPath` chooses and stored in the
 * cache unless an invalidation overtook the render. Requests for a tile that is being rendered
 * share that render.
 */
export async function cachedOrRendered<From extends string>(
  cache: TileCache,
  spec: TileSpec,
  readPath: () => Promise<TileReadPath<From>>,
): Promise<ServedTile<From>> {
  const hit = cache.get(spec.source, spec.tile, spec.variant);
  if (hit) return { tile: hit, from: 'cache' };
  const rendering = await render(cache, spec, readPath);
  return { tile: await rendering.tile, from: rendering.from as From };
}
