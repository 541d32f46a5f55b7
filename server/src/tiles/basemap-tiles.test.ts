import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSampleBasemap } from '../basemap/sample.ts';
import { sampleCentre } from '../basemap/sample-extract.ts';
import { decodeTile } from '../../../tiles/src/decode.ts';
import { tilesContaining } from '../../../tiles/src/index.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { describeNeeding, osmium } from '../test/requirements.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const [lon, lat] = sampleCentre;
const tileAt = (z: number) => tilesContaining(lon, lat, z, z)[0];
const getTile = (z: number, headers: Record<string, string> = {}) => {
  const { x, y } = tileAt(z);
  return t.app.inject({ method: 'GET', url: `/tiles/basemap/${z}/${x}/${y}.mvt`, headers });
};
const names = (layer: { properties: Record<string, unknown> }[] | undefined) => (layer ?? []).map((f) => f.properties.name).sort();

describeNeeding([[osmium, 'the sample extract is imported with osmium-tool']], 'base map tiles', () => {
  it('are empty before an extract is imported', async () => {
    const res = await getTile(15);
    expect(res.statusCode).toBe(204);
  });

  it('draw the imported roads with their names, rivers, water and places, more of them closer in', async () => {
    // Fetched (and cached) before the import: the import must still show at once.
    expect((await getTile(15)).statusCode).toBe(204);
    await t.db.transaction((tx) => importSampleBasemap(tx));

    const street = await getTile(15);
    expect(street.statusCode).toBe(200);
    expect(street.headers['content-type']).toBe('application/vnd.mapbox-vector-tile');
    const layers = decodeTile(street.rawPayload);
    expect(names(layers.roads)).toEqual(expect.arrayContaining(['Gang Mawar', 'Jalan Daan Mogot', 'Jalan Kisamaun', 'Jalan Merdeka']));
    expect(layers.roads.every((f) => f.type === 2)).toBe(true);
    expect(names(layers.waterways)).toContain('Sungai Cisadane');
    expect(names(layers.pois)).toEqual(['Masjid Al-Ikhlas', 'Pasar Anyar', 'SD Negeri Sukarasa 1']);
    expect(layers.pois.map((f) => f.properties.kind).sort()).toEqual(['market', 'mosque', 'school']);
    expect(names(layers.places)).toEqual(['Kampung Sukarasa']);

    // The city view: main roads and the river only.
    const city = decodeTile((await getTile(11)).rawPayload);
    expect(names(city.roads)).toEqual(['Jalan Daan Mogot', 'Jalan Merdeka']);
    expect(names(city.waterways)).toEqual(['Sungai Cisadane']);
    expect(city.pois).toBeUndefined();
  });

  it('answer a repeated request with 304 until the next import changes them', async () => {
    const first = await getTile(15);
    const etag = String(first.headers.etag);
    expect((await getTile(15, { 'if-none-match': etag })).statusCode).toBe(304);
    await t.db.transaction((tx) => importSampleBasemap(tx));
    // The same features from a new import: rendered again (not taken from the cache) and equal.
    const again = await getTile(15, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.headers['x-read-from']).not.toBe('cache');
  });

  it('are described by TileJSON with the OpenStreetMap attribution', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/tiles/basemap.json' });
    expect(res.statusCode).toBe(200);
    expect(res.json().attribution).toMatch(/OpenStreetMap contributors/);
    expect(res.json().vector_layers.map((l: { id: string }) => l.id)).toEqual(['roads', 'waterways', 'water', 'places', 'pois']);
  });
});
