import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { decodeTile } from '../../../tiles/src/decode.ts';
import { tilesContaining } from '../../../tiles/src/index.ts';
import { buildApp } from '../app.ts';
import { sql, type Database } from '../db/database.ts';
import { connectPostgres } from '../db/postgres.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { eventually } from '../test/eventually.ts';
import { itNeeding, postgres } from '../test/requirements.ts';
import { lowZoomFreshnessMs } from './report-tile-drops.ts';

// Two server instances over one database: a report submitted through one must show in the
// tiles the other has cached, without a request to the first.
let a: TestApp;
let other: { app: FastifyInstance; db: Database };

beforeAll(async () => {
  a = await createTestApp();
  // On PostgreSQL the second instance gets its own connections; the embedded database is
  // single-process, so there the second instance shares it (notifications still flow).
  const db = a.url ? await connectPostgres(a.url, 2) : a.db;
  other = { db, app: await buildApp({ config: a.app.config, db }) };
});
afterAll(async () => {
  await other?.app.close();
  if (other?.db !== a?.db) await other?.db.close();
  await a?.close();
});

const pointTile = (lon: number, lat: number) => tilesContaining(lon, lat, 17, 17)[0];
const codesIn = async (app: FastifyInstance, lon: number, lat: number) => {
  const t = pointTile(lon, lat);
  const res = await app.inject({ method: 'GET', url: `/tiles/reports/${t.z}/${t.x}/${t.y}.mvt` });
  return res.rawPayload.length ? decodeTile(res.rawPayload).reports.map((f) => f.properties.code) : [];
};

/** The report codes on the tile at a point once `ok` holds for them. */
const codesOnceThey = (app: FastifyInstance, lon: number, lat: number, ok: (codes: unknown[]) => boolean, timeoutMs = 2000) =>
  eventually(async () => {
    const codes = await codesIn(app, lon, lat);
    return ok(codes) && codes;
  }, { what: `the tile at ${lon}, ${lat} to change`, timeoutMs, intervalMs: 25 });

describe('tile invalidation across instances', () => {
  it('shows a report submitted through another instance within a second', async () => {
    const lon = 106.6402, lat = -6.1803;
    expect(await codesIn(other.app, lon, lat)).toEqual([]);
    const { code } = (await a.app.inject({
      method: 'POST', url: '/api/reports', payload: { category: 'banjir', description: 'Banjir di depan gang masjid', lon, lat },
    })).json();
    const started = Date.now();
    const codes = await codesOnceThey(other.app, lon, lat, (c) => c.includes(code), 1000);
    expect(codes).toContain(code);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it(`shows a report submitted through another instance in its low-zoom tiles within ${lowZoomFreshnessMs} ms`, async () => {
    const lon = 106.6702, lat = -6.2303;
    const low = tilesContaining(lon, lat, 11, 11)[0];
    const reportsIn = async () => {
      const res = await other.app.inject({ method: 'GET', url: `/tiles/reports/${low.z}/${low.x}/${low.y}.mvt` });
      const clusters = res.rawPayload.length ? decodeTile(res.rawPayload).reports ?? [] : [];
      return clusters.reduce((n, f) => n + Number(f.properties.point_count), 0);
    };
    // Cached on the other instance beforehand.
    const before = await reportsIn();
    await a.app.inject({
      method: 'POST', url: '/api/reports', payload: { category: 'banjir', description: 'Genangan air setinggi lutut di jalan', lon, lat },
    });
    const answered = Date.now();
    await eventually(async () => (await reportsIn()) === before + 1,
      { what: 'the other instance\'s z11 tile to count the report', timeoutMs: lowZoomFreshnessMs + 1000, intervalMs: 25 });
    expect(Date.now() - answered).toBeLessThan(lowZoomFreshnessMs + 1000);
  });

  it('drops the old and new places when a report moves, and everything after a bulk change', async () => {
    const lon = 106.651, lat = -6.19;
    const { code } = (await a.app.inject({
      method: 'POST', url: '/api/reports', payload: { category: 'sampah', description: 'Sampah menumpuk di tepi jalan', lon, lat },
    })).json();
    expect(await codesOnceThey(other.app, lon, lat, (c) => c.includes(code))).toContain(code);
    await a.db.query(sql`UPDATE reports SET location = ST_SetSRID(ST_MakePoint(106.66, -6.2), 4326) WHERE code = ${code}`);
    expect(await codesOnceThey(other.app, lon, lat, (c) => !c.includes(code))).not.toContain(code);
    expect(await codesOnceThey(other.app, 106.66, -6.2, (c) => c.includes(code))).toContain(code);
    // A bulk statement (over 200 rows) clears the whole report tile cache.
    await other.app.inject({ method: 'GET', url: '/tiles/reports/0/0/0.mvt' });
    expect(other.app.tileCache.size).toBeGreaterThan(0);
    await a.db.query(sql`
      INSERT INTO reports (code, category_code, description, status, location, city_code, kecamatan_code, kelurahan_code,
                           department_code, routing_explanation)
      SELECT 'BLK-' || lpad(i::text, 6, '0'), 'sampah', 'bulk', 'published', ST_SetSRID(ST_MakePoint(106.63, -6.17), 4326),
             '36.71', '36.71.01', '36.71.01.1001', 'tgr-dlh', '{}'
      FROM generate_series(1, 250) AS i`);
    await eventually(() => other.app.tileCache.size === 0, { what: 'the tile cache to empty', timeoutMs: 2000, intervalMs: 25 });
    expect(other.app.tileCache.size).toBe(0);
  });

  itNeeding([[postgres, 'ends the LISTEN connections from another session (pg_terminate_backend)']],
    'drops every cached report tile once its lost LISTEN connection is back, and follows changes again', async () => {
      await other.app.inject({ method: 'GET', url: '/tiles/reports/0/0/0.mvt' });
      await other.app.inject({ method: 'GET', url: '/tiles/reports/5/25/16.mvt' });
      expect(other.app.tileCache.size).toBeGreaterThan(0);
      // No report changes: only the reconnection can empty the cache (a notification sent
      // while the connection was down would be lost, so none can be trusted to come).
      const [{ ended }] = await a.db.query<{ ended: number }>(sql`
        SELECT count(pg_terminate_backend(pid))::int AS ended FROM pg_stat_activity
        WHERE datname = current_database() AND query = 'LISTEN report_tiles'`);
      expect(ended).toBe(2);
      await eventually(() => other.app.tileCache.size === 0, { what: 'the tile cache to empty after the reconnection', timeoutMs: 2000, intervalMs: 25 });
      await eventually(async () => {
        const [{ listening }] = await a.db.query<{ listening: number }>(sql`
          SELECT count(*)::int AS listening FROM pg_stat_activity
          WHERE datname = current_database() AND query = 'LISTEN report_tiles'`);
        return listening === 2;
      }, { what: 'both instances to listen again', timeoutMs: 2000 });
      const lon = 106.6455, lat = -6.1852;
      expect(await codesIn(other.app, lon, lat)).toEqual([]);
      const { code } = (await a.app.inject({
        method: 'POST', url: '/api/reports', payload: { category: 'jalan_rusak', description: 'Jalan berlubang dekat pasar', lon, lat },
      })).json();
      expect(await codesOnceThey(other.app, lon, lat, (c) => c.includes(code), 1000)).toContain(code);
    });
});
