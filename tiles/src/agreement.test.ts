import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../server/src/config.ts';
import { basemapLayers } from '../../server/src/basemap/tile-layers.ts';
import { importSampleBasemap } from '../../server/src/basemap/sample.ts';
import { sampleCentre } from '../../server/src/basemap/sample-extract.ts';
import { boundaryLayers } from '../../server/src/boundaries/tile-layers.ts';
import { sql, type Database } from '../../server/src/db/database.ts';
import { openEmbedded } from '../../server/src/db/embedded.ts';
import { prepareDatabase } from '../../server/src/prepare-database.ts';
import { parseReportFilter } from '../../server/src/reports/filters.ts';
import { reportsLayer } from '../../server/src/reports/tile-layers.ts';
import { createTestDatabase, type TestDatabase } from '../../server/src/test/database.ts';
import { describeNeeding, osmium, postgres } from '../../server/src/test/requirements.ts';
import { decodeTile, type DecodedFeature } from './decode.ts';
import { renderTile, type Encoder, type TileLayer } from './render.ts';
import { tilesContaining } from './cache.ts';
import type { TileCoord } from './tile-coord.ts';

// The embedded database has no ST_AsMVT, so its tiles come from the JavaScript encoder. These
// tests render the same tiles from the same reports with ST_AsMVT on PostGIS and with the JS
// encoder on both databases, and require the decoded features to be identical.

/** 400 reports on a fixed lattice over both cities, routed by the production rule. */
async function insertFixtureReports(db: Database) {
  await db.query(sql`
    INSERT INTO reports (code, category_code, description, status, location, city_code, kecamatan_code,
                         kelurahan_code, department_code, routing_explanation, created_at)
    SELECT 'TST-' || lpad(i::text, 6, '0'),
           (ARRAY['banjir','sampah','jalan_rusak','lampu_jalan'])[1 + i % 4],
           'fixture report ' || i,
           (ARRAY['published','assigned','resolved','submitted'])[1 + (i / 4) % 4],
           p, r.city_code, r.kecamatan_code, r.kelurahan_code, d.code, '{}'::jsonb,
           timestamptz '2026-01-01 00:00:00+00' + i * interval '1 hour'
    FROM generate_series(0, 399) AS i
    CROSS JOIN LATERAL (SELECT ST_SetSRID(ST_MakePoint(106.56 + (i % 20) * 0.011, -6.35 + (i / 20) * 0.0125), 4326) AS p) AS pt
    CROSS JOIN LATERAL route_kelurahan(p) AS r
    JOIN categories c ON c.code = (ARRAY['banjir','sampah','jalan_rusak','lampu_jalan'])[1 + i % 4]
    JOIN departments d ON d.city_code = r.city_code AND d.kind = c.department_kind`);
  // Two reports 3 m apart, so that one high-zoom tile holds several points.
  await db.query(sql`
    INSERT INTO reports (code, category_code, description, status, location, city_code, kecamatan_code,
                         kelurahan_code, department_code, routing_explanation, created_at)
    SELECT code, 'banjir', 'fixture pair', 'published', ST_SetSRID(ST_MakePoint(lon, -6.17), 4326),
           '36.71', '36.71.01', '36.71.01.1001', 'tgr-bpbd', '{}'::jsonb, timestamptz '2026-02-01 00:00:00+00'
    FROM (VALUES ('TST-PAIR01', 106.632), ('TST-PAIR02', 106.63203)) AS v(code, lon)`);
}

// Property order inside a feature carries no meaning in MVT (to_jsonb sorts keys, ST_AsMVT
// keeps column order), so keys are sorted before comparing.
const sortedProperties = (f: DecodedFeature) => ({
  ...f,
  properties: Object.fromEntries(Object.entries(f.properties).sort(([a], [b]) => a.localeCompare(b))),
});

const canonical = (layers: Record<string, DecodedFeature[]>) =>
  Object.fromEntries(
    Object.entries(layers)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, features]) => [name, features.map((f) => JSON.stringify(sortedProperties(f))).sort()]),
  );

async function decoded(db: Database, layers: TileLayer[], tile: TileCoord, encoder: Encoder) {
  return canonical(decodeTile(await renderTile(db, layers, tile, encoder)));
}

const reportTiles: TileCoord[] = [
  { z: 0, x: 0, y: 0 },
  ...tilesContaining(106.632, -6.17, 8, 18),
  ...tilesContaining(106.70, -6.30, 11, 14),
];
const boundaryTiles: TileCoord[] = tilesContaining(106.632, -6.17, 9, 15);
// Around the sample extract: roads, waterways, water polygons and points, cut at tile edges.
const basemapTiles: TileCoord[] = tilesContaining(sampleCentre[0], sampleCentre[1], 10, 18);
const filters = [
  parseReportFilter({}),
  parseReportFilter({ category: 'banjir,sampah' }),
  parseReportFilter({ status: 'resolved' }),
  parseReportFilter({ since: '2026-01-05T00:00:00Z', until: '2026-01-12T00:00:00Z' }),
];

// The comparison needs a PostGIS with ST_AsMVT: the one at DATABASE_URL (CI always sets it).
const withPostgis = Boolean(readConfig().databaseUrl);
let embedded: Database;
let postgis: TestDatabase | undefined;

beforeAll(async () => {
  embedded = await openEmbedded(undefined);
  await prepareDatabase(embedded);
  await insertFixtureReports(embedded);
  if (osmium.met) await embedded.transaction((tx) => importSampleBasemap(tx));
  if (withPostgis) {
    postgis = await createTestDatabase();
    await insertFixtureReports(postgis.db);
    if (osmium.met) await postgis.db.transaction((tx) => importSampleBasemap(tx));
  }
}, 180_000);

afterAll(async () => {
  await embedded?.close();
  await postgis?.drop();
});

describe('tile encoders agree', () => {
  it('the embedded database lacks ST_AsMVT, so it needs the JS encoder', () => {
    expect(embedded.kind).toBe('embedded');
    expect(embedded.hasAsMvt).toBe(false);
  });

  it('renders non-empty report and boundary tiles on the embedded database', async () => {
    const clusters = decodeTile(await renderTile(embedded, [reportsLayer(filters[0])], { z: 10, x: 815, y: 529 }));
    expect(clusters.reports.length).toBeGreaterThan(0);
    expect(clusters.reports.every((f) => f.properties.cluster === true)).toBe(true);
    const total = clusters.reports.reduce((sum, f) => sum + Number(f.properties.point_count), 0);
    const [{ expected }] = await embedded.query<{ expected: number }>(sql`
      SELECT count(*)::int AS expected FROM reports
      WHERE status <> 'submitted' AND location_3857 && ST_TileEnvelope(10, 815, 529)`);
    expect(total).toBe(expected);
    const boundaries = decodeTile(await renderTile(embedded, boundaryLayers, { z: 12, x: 3261, y: 2118 }));
    expect(boundaries.kelurahan.length).toBeGreaterThan(0);
    expect(boundaries.kelurahan.every((f) => f.type === 3)).toBe(true);
  });

  describeNeeding([[postgres, 'the embedded PGlite has no ST_AsMVT to compare the JS encoder with']], 'against ST_AsMVT on PostgreSQL', () => {
    it('PostgreSQL offers ST_AsMVT', () => {
      expect(postgis?.db.hasAsMvt).toBe(true);
    });

    it.each(filters.map((f, i) => [i, f] as const))('report tiles, filter %i', async (_, filter) => {
      const layers = [reportsLayer(filter)];
      for (const tile of reportTiles) {
        const reference = await decoded(postgis!.db, layers, tile, 'postgis');
        expect(await decoded(postgis!.db, layers, tile, 'js'), `JS on PostgreSQL, ${tile.z}/${tile.x}/${tile.y}`).toEqual(reference);
        expect(await decoded(embedded, layers, tile, 'js'), `JS on embedded, ${tile.z}/${tile.x}/${tile.y}`).toEqual(reference);
      }
    });

    it('boundary tiles', async () => {
      for (const tile of boundaryTiles) {
        const reference = await decoded(postgis!.db, boundaryLayers, tile, 'postgis');
        expect(Object.keys(reference)).toEqual(['kecamatan', 'kecamatan_label', 'kelurahan', 'kelurahan_label'].filter((l) => reference[l]));
        expect(await decoded(postgis!.db, boundaryLayers, tile, 'js')).toEqual(reference);
        expect(await decoded(embedded, boundaryLayers, tile, 'js')).toEqual(reference);
      }
    });
  });

  describeNeeding([
    [postgres, 'the embedded PGlite has no ST_AsMVT to compare the JS encoder with'],
    [osmium, 'the sample extract is imported with osmium-tool'],
  ], 'base map tiles against ST_AsMVT on PostgreSQL', () => {
    it('agree at every zoom around the sample extract', async () => {
      let drawn = 0;
      for (const tile of basemapTiles) {
        const reference = await decoded(postgis!.db, basemapLayers, tile, 'postgis');
        drawn += Object.keys(reference).length;
        expect(await decoded(postgis!.db, basemapLayers, tile, 'js'), `JS on PostgreSQL, ${tile.z}/${tile.x}/${tile.y}`).toEqual(reference);
        expect(await decoded(embedded, basemapLayers, tile, 'js'), `JS on embedded, ${tile.z}/${tile.x}/${tile.y}`).toEqual(reference);
      }
      // Every zoom draws at least roads and a waterway, so the comparison is not of empty tiles.
      expect(drawn).toBeGreaterThanOrEqual(basemapTiles.length * 2);
    });
  });
});
