import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TileCache, tilesContaining } from '../../../tiles/src/index.ts';
import type { ReadPath } from '../db/replica.ts';
import { parseReportFilter } from '../reports/filters.ts';
import { reportsLayer } from '../reports/tile-layers.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { sendTile } from './serve.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());

const tile = tilesContaining(106.64, -6.18, 14, 14)[0];

/** A tile server whose renders wait for `open()` before choosing their database. */
function gatedServer(cache: TileCache) {
  let open!: () => void;
  let gate = new Promise<void>((resolve) => (open = resolve));
  const app = Fastify();
  app.get('/tile', (request, reply) => sendTile(cache, {
    source: 'reports', variant: '', layers: [reportsLayer(parseReportFilter({}))], tile, cacheControl: 'public, no-cache',
    readPath: async (): Promise<ReadPath> => {
      await gate;
      return { db: t.db, from: 'primary' };
    },
  }, request, reply));
  return {
    app,
    open: () => open(),
    close: () => {
      gate = new Promise<void>((resolve) => (open = resolve));
    },
  };
}

describe('sendTile', () => {
  it('caches a render, but not one that an invalidation overtook', async () => {
    const cache = new TileCache();
    const server = gatedServer(cache);
    server.open();
    await server.app.inject({ method: 'GET', url: '/tile' });
    expect(cache.get('reports', tile, '')).toBeDefined();

    cache.invalidate('reports', [tile]);
    server.close();
    const overtaken = server.app.inject({ method: 'GET', url: '/tile' });
    await new Promise((r) => setTimeout(r, 20));
    // The report changed while the render was under way: its bytes may predate the change.
    cache.invalidate('reports', [tile]);
    server.open();
    expect((await overtaken).headers['x-read-from']).toBe('primary');
    expect(cache.get('reports', tile, '')).toBeUndefined();

    await server.app.inject({ method: 'GET', url: '/tile' });
    expect(cache.get('reports', tile, '')).toBeDefined();
    await server.app.close();
  });
});
