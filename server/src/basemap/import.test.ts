import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { describeNeeding, osmium } from '../test/requirements.ts';
import { importBasemap } from './import.ts';
import { sampleExtractXml } from './sample-extract.ts';
import { importSampleBasemap, sampleExtractFile } from './sample.ts';

let t: TestDatabase;
let dir: string;
beforeAll(async () => {
  t = await createTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'basemap-import-test-'));
});
afterAll(async () => {
  await t?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const stored = () => t.db.query<{ layer: string; kind: string; name: string | null; osm_id: string; type: string }>(sql`
  SELECT layer, kind, name, osm_id, ST_GeometryType(geom) AS type FROM basemap_features ORDER BY osm_id`);

it('ships the sample extract its generator writes', () => {
  expect(fs.readFileSync(sampleExtractFile, 'utf8')).toBe(sampleExtractXml());
});

describeNeeding([[osmium, 'the import reads extracts with osmium-tool']], 'importing an OpenStreetMap extract', () => {
  it('keeps named roads, waterways, water, markets, schools, mosques and places, and leaves out the rest', async () => {
    const imported = await t.db.transaction((tx) => importSampleBasemap(tx));
    expect(imported.byLayer).toEqual({ road: 5, waterway: 2, water: 1, poi: 3, place: 1 });
    const rows = await stored();
    expect(rows.find((r) => r.name === 'Jalan Daan Mogot')).toMatchObject({ layer: 'road', kind: 'major', type: 'ST_LineString', osm_id: 'way/1001' });
    expect(rows.find((r) => r.name === 'Gang Mawar')).toMatchObject({ layer: 'road', kind: 'path' });
    expect(rows.find((r) => r.name === 'Sungai Cisadane')).toMatchObject({ layer: 'waterway', kind: 'river' });
    expect(rows.find((r) => r.name === 'Pasar Anyar')).toMatchObject({ layer: 'poi', kind: 'market', type: 'ST_Point' });
    expect(rows.find((r) => r.name === 'Masjid Al-Ikhlas')).toMatchObject({ layer: 'poi', kind: 'mosque' });
    // A school mapped as its grounds becomes one point to label it, not an outline and a line.
    expect(rows.filter((r) => r.name === 'SD Negeri Sukarasa 1')).toEqual([
      { layer: 'poi', kind: 'school', name: 'SD Negeri Sukarasa 1', osm_id: 'way/4001', type: 'ST_Point' }]);
    expect(rows.find((r) => r.name === 'Situ Gede')).toMatchObject({ layer: 'water', type: 'ST_MultiPolygon' });
    // A church is not among what residents were asked to find; a building is too small to help.
    expect(rows.map((r) => r.name)).not.toContain('Gereja Sukarasa');
    expect(rows.map((r) => r.osm_id)).not.toContain('way/5001');
    const [{ srid }] = await t.db.query<{ srid: number }>(sql`SELECT DISTINCT ST_SRID(geom) AS srid FROM basemap_features`);
    expect(srid).toBe(3857);
  });

  it('replaces the previous import instead of adding to it', async () => {
    const [{ before }] = await t.db.query<{ before: number }>(sql`SELECT coalesce(max(id), 0) AS before FROM basemap_imports`);
    const again = await t.db.transaction((tx) => importSampleBasemap(tx));
    expect(again.importId).toBeGreaterThan(before);
    expect(await stored()).toHaveLength(12);
  });

  it('refuses an extract with nothing near the cities and keeps the base map it had', async () => {
    const far = path.join(dir, 'far.osm');
    fs.writeFileSync(far, '<osm version="0.6"><node id="1" version="1" lat="-7.80" lon="110.37"><tag k="place" v="city"/><tag k="name" v="Yogyakarta"/></node></osm>');
    await expect(t.db.transaction((tx) => importBasemap(tx, far))).rejects.toThrow(/no road, waterway or place within/);
    expect(await stored()).toHaveLength(12);
  });

  it('refuses a file that is not an extract, naming osmium\'s complaint', async () => {
    const broken = path.join(dir, 'broken.osm');
    fs.writeFileSync(broken, 'not xml at all');
    await expect(t.db.transaction((tx) => importBasemap(tx, broken))).rejects.toThrow(/osmium extract failed: .*XML/);
    await expect(t.db.transaction((tx) => importBasemap(tx, path.join(dir, 'missing.osm.pbf')))).rejects.toThrow(/no such file/);
    expect(await stored()).toHaveLength(12);
  });
});
