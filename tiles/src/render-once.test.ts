import sql, { type Sql } from 'sql-template-tag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../server/src/test/database.ts';
import { TileCache } from './cache.ts';
import { cachedOrRendered, TileRenderError, type TileReadPath, type TileSpec } from './render-once.ts';
import type { TileLayer } from './render.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());

const tile = { z: 14, x: 13045, y: 8473 };
const pointLayer: TileLayer = { name: 'points', query: () => sql`SELECT ST_Point(2048, 2048) AS geom, 1 AS n` };
const spec = (layers: TileLayer[] = [pointLayer]): TileSpec => ({ source: 'points', variant: '', layers, tile });

/** The test database behind a gate that `open()` lifts, counting the statements it runs. */
function gatedDatabase() {
  let open!: () => void;
  let gate = new Promise<void>((resolve) => (open = resolve));
  const counted = {
    statements: 0,
    hasAsMvt: t.db.hasAsMvt,
    query<Row>(statement: Sql): Promise<Row[]> {
      counted.statements++;
      return t.db.query<Row>(statement);
    },
  };
  return {
    counted,
    readPath: async (): Promise<TileReadPath<'primary'>> => {
      await gate;
      return { db: counted, from: 'primary' };
    },
    open: () => open(),
    close: () => {
      gate = new Promise<void>((resolve) => (open = resolve));
    },
  };
}

describe('cachedOrRendered', () => {
  it('renders a tile once for requests that arrive while it is being rendered', async () => {
    const cache = new TileCache();
    const db = gatedDatabase();
    const together = [1, 2, 3].map(() => cachedOrRendered(cache, spec(), db.readPath));
    db.open();
    const served = await Promise.all(together);
    expect(db.counted.statements).toBe(1);
    expect(new Set(served.map((s) => s.tile.etag)).size).toBe(1);
    expect(served.map((s) => s.from)).toEqual(['primary', 'primary', 'primary']);
    expect((await cachedOrRendered(cache, spec(), db.readPath)).from).toBe('cache');
  });

  it('caches a render, but not one that an invalidation overtook', async () => {
    const cache = new TileCache();
    const db = gatedDatabase();
    db.open();
    await cachedOrRendered(cache, spec(), db.readPath);
    expect(cache.get('points', tile, '')).toBeDefined();

    cache.invalidate('points', [tile]);
    db.close();
    const overtaken = cachedOrRendered(cache, spec(), db.readPath);
    // The data changed while the render was under way: its bytes may predate the change.
    cache.invalidate('points', [tile]);
    const joinedAfter = cachedOrRendered(cache, spec(), db.readPath);
    db.open();
    expect((await overtaken).from).toBe('primary');
    await joinedAfter;
    // The request after the invalidation rendered on its own and its tile was kept.
    expect(db.counted.statements).toBe(3);
    expect(cache.get('points', tile, '')).toBeDefined();

    cache.invalidate('points', [tile]);
    db.close();
    const alone = cachedOrRendered(cache, spec(), db.readPath);
    cache.invalidate('points', [tile]);
    db.open();
    await alone;
    expect(cache.get('points', tile, '')).toBeUndefined();
  });

  it('keeps a render while other tiles and other sources change (a stream of reports elsewhere)', async () => {
    const cache = new TileCache();
    const db = gatedDatabase();
    const rendering = cachedOrRendered(cache, spec(), db.readPath);
    cache.invalidate('points', [{ ...tile, x: tile.x + 1 }, { z: 13, x: 6522, y: 4236 }]);
    cache.dropSource('other');
    db.open();
    await rendering;
    expect(cache.get('points', tile, '')).toBeDefined();
    expect((await cachedOrRendered(cache, spec(), db.readPath)).from).toBe('cache');
  });

  it('does not keep a render that the whole source was dropped under', async () => {
    const cache = new TileCache();
    const db = gatedDatabase();
    const rendering = cachedOrRendered(cache, spec(), db.readPath);
    cache.dropSource('points');
    db.open();
    await rendering;
    expect(cache.get('points', tile, '')).toBeUndefined();
  });

  it('names the source and tile of a failed render and keeps the database error as its cause', async () => {
    const cache = new TileCache();
    const db = gatedDatabase();
    db.open();
    const broken: TileLayer = { name: 'broken', query: () => sql`SELECT no_such_column AS geom` };
    const failure = await cachedOrRendered(cache, spec([broken]), db.readPath).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TileRenderError);
    expect((failure as Error).message).toMatch(/^points 14\/13045\/8473: .*no_such_column/);
    expect(((failure as Error).cause as { code?: string }).code).toBe('42703');
    expect(cache.get('points', tile, '')).toBeUndefined();
  });
});
