import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { conformanceClasses } from './conformance.ts';

// Every /ogc endpoint against the members OGC 17-069r4 (Part 1) and 19-079r2 (Part 3) require,
// over real reports in a real database.

let t: TestApp;
const codes: string[] = [];
const points = [
  ['banjir', 106.632, -6.17], ['sampah', 106.633, -6.171], ['banjir', 106.72, -6.3],
  ['jalan_rusak', 106.7, -6.28], ['banjir', 106.634, -6.172],
] as const;

beforeAll(async () => {
  t = await createTestApp();
  for (const [category, lon, lat] of points) {
    const res = await t.app.inject({
      method: 'POST', url: '/api/reports',
      payload: {
        category, description: 'Jalan rusak dan berlubang di depan rumah warga', lon, lat, address: 'Jl. Rahasia No. 7',
        reporter: { name: 'Siti Rahasia', phone: '081234567890', email: 'warga@example.org' },
      },
    });
    expect(res.statusCode).toBe(201);
    codes.push(res.json().code);
  }
  // One awaiting moderation and one rejected: neither may appear anywhere under /ogc.
  await t.db.query(sql`UPDATE reports SET status = 'submitted' WHERE code = ${codes[3]}`);
});
afterAll(() => t?.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
interface Page { features: { id: string }[]; links: { rel: string; href: string }[]; numberMatched: number }
const ids = (body: { features: { id: string }[] }) => body.features.map((f) => f.id);
const publicCodes = () => codes.filter((_, i) => i !== 3);

describe('landing page, conformance, api', () => {
  it('links the API definition, conformance and data (/req/core/root-success)', async () => {
    const res = await get('/ogc');
    expect(res.statusCode).toBe(200);
    const rels = Object.fromEntries(res.json().links.map((l: { rel: string; href: string; type: string }) => [l.rel, l]));
    for (const rel of ['self', 'service-desc', 'conformance', 'data']) expect(rels[rel]?.href).toMatch(/^http:\/\/localhost(:\d+)?\/(ogc|docs)/);
    expect(rels['service-desc'].type).toBe('application/vnd.oai.openapi+json;version=3.0');
    expect(res.json().title).toBeTruthy();
  });

  it('lists Core, GeoJSON, OpenAPI 3.0 and the CQL2 classes', async () => {
    const res = await get('/ogc/conformance');
    expect(res.json().conformsTo).toEqual(conformanceClasses);
    expect(conformanceClasses).toContain('http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core');
    expect(conformanceClasses).toContain('http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2');
  });

  it('serves an OpenAPI 3.0 document of /ogc only, with a bounded limit on items', async () => {
    const res = await get('/ogc/api');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/vnd.oai.openapi+json');
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\.0\./);
    // Paths are relative to the server, /ogc: no other route of the app is listed.
    expect(doc.servers[0].url).toMatch(/^http:\/\/localhost(:\d+)?\/ogc$/);
    const paths = Object.keys(doc.paths);
    expect(paths).toContain('/');
    expect(paths).toContain('/collections/reports/items');
    expect(paths).toContain('/collections/reports/items/{featureId}');
    expect(paths.filter((p) => !/^\/(conformance|api|collections(\/.*)?)?$/.test(p))).toEqual([]);
    expect(paths).not.toContain('/api/reports');
    const limit = doc.paths['/collections/reports/items'].get.parameters.find((p: { name: string }) => p.name === 'limit');
    expect(limit.schema).toMatchObject({ maximum: 10000, minimum: 1 });
  });
});

describe('collections', () => {
  it('describes every collection with an extent in CRS84 and items links', async () => {
    const res = await get('/ogc/collections');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.collections.map((c: { id: string }) => c.id)).toEqual(
      ['reports', 'kelurahan', 'kecamatan', 'hotspots-getis-ord', 'hotspots-dbscan', 'hotspots-emerging']);
    for (const c of body.collections) {
      expect(c.links.find((l: { rel: string }) => l.rel === 'items')?.type).toBe('application/geo+json');
      expect(c.extent.spatial.crs).toBe('http://www.opengis.net/def/crs/OGC/1.3/CRS84');
      const [minLon, minLat, maxLon, maxLat] = c.extent.spatial.bbox[0];
      expect(minLon).toBeGreaterThan(106.4);
      expect(maxLon).toBeLessThan(106.9);
      expect(minLat).toBeGreaterThan(-6.5);
      expect(maxLat).toBeLessThan(-6.0);
      expect(c.crs).toEqual(['http://www.opengis.net/def/crs/OGC/1.3/CRS84']);
    }
  });

  it('gives reports the extent of the public reports, in space and time', async () => {
    const c = (await get('/ogc/collections/reports')).json();
    const lons = points.filter((_, i) => i !== 3).map((p) => p[1]);
    const lats = points.filter((_, i) => i !== 3).map((p) => p[2]);
    const [minLon, minLat, maxLon, maxLat] = c.extent.spatial.bbox[0];
    expect([minLon, minLat, maxLon, maxLat].map((v: number) => v.toFixed(5)))
      .toEqual([Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)].map((v) => v.toFixed(5)));
    const [first, last] = c.extent.temporal.interval[0];
    expect(Date.parse(first)).toBeLessThanOrEqual(Date.parse(last));
  });

  it('answers an unknown collection with 404 and an OGC exception', async () => {
    const res = await get('/ogc/collections/jalan/items');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'COLLECTION_NOT_FOUND', description: expect.any(String) });
  });
});

describe('items of reports', () => {
  it('returns public reports as GeoJSON with numberMatched, numberReturned and no personal data', async () => {
    const res = await get('/ogc/collections/reports/items');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/geo+json');
    const body = res.json();
    expect(body.type).toBe('FeatureCollection');
    expect(ids(body)).toEqual([...publicCodes()].reverse());
    expect(body.numberMatched).toBe(4);
    expect(body.numberReturned).toBe(4);
    expect(Date.parse(body.timeStamp)).not.toBeNaN();
    for (const secret of ['Siti Rahasia', '081234567890', 'warga@example.org', 'Jl. Rahasia']) expect(res.body).not.toContain(secret);
  });

  it('pages through next links without repeating or skipping a report', async () => {
    const seen: string[] = [];
    let url: string | undefined = '/ogc/collections/reports/items?limit=2';
    while (url) {
      const body: Page = (await get(url)).json();
      expect(body.numberMatched).toBe(4);
      seen.push(...ids(body));
      const next = body.links.find((l) => l.rel === 'next');
      url = next ? new URL(next.href).pathname + new URL(next.href).search : undefined;
    }
    expect(seen).toEqual([...publicCodes()].reverse());
  });

  it('filters by bbox, datetime, category, status and kelurahan', async () => {
    const items = async (q: string) => ids((await get(`/ogc/collections/reports/items?${q}`)).json());
    expect((await items('bbox=106.6,-6.2,106.65,-6.1')).sort()).toEqual([codes[0], codes[1], codes[4]].sort());
    expect(await items('category=banjir')).toHaveLength(3);
    expect(await items('status=published')).toHaveLength(4);
    expect(await items('status=submitted')).toHaveLength(0);
    expect(await items('datetime=2099-01-01T00:00:00Z/..')).toHaveLength(0);
    expect(await items('datetime=../2099-01-01T00:00:00Z')).toHaveLength(4);
    const [{ kelurahan_code }] = await t.db.query<{ kelurahan_code: string }>(sql`SELECT kelurahan_code FROM reports WHERE code = ${codes[0]}`);
    expect(await items(`kelurahan=${kelurahan_code}`)).toContain(codes[0]);
  });

  it('filters with CQL2 text, including S_INTERSECTS with a BBOX or a POLYGON', async () => {
    const items = async (filter: string) => {
      const res = await get(`/ogc/collections/reports/items?filter=${encodeURIComponent(filter)}&filter-lang=cql2-text`);
      expect(res.statusCode, res.body).toBe(200);
      return ids(res.json());
    };
    expect((await items("category = 'banjir' AND S_INTERSECTS(geometry, BBOX(106.6, -6.2, 106.65, -6.1))")).sort()).toEqual([codes[0], codes[4]].sort());
    expect(await items('S_INTERSECTS(geometry, POLYGON((106.71 -6.31, 106.73 -6.31, 106.73 -6.29, 106.71 -6.29, 106.71 -6.31)))')).toEqual([codes[2]]);
    expect(await items("NOT (category = 'banjir') OR created_at > TIMESTAMP('2099-01-01T00:00:00Z')")).toEqual([codes[1]]);
    // A filter cannot reach what the public may not see.
    expect(await items("status = 'submitted'")).toEqual([]);
    expect(await items("code = 'TGR-NOPE'")).toEqual([]);
  });

  it.each([
    ['filter=category%20%3D', 'INVALID_FILTER'],
    ['filter=reporter_name%20%3D%20%27x%27', 'INVALID_FILTER'],
    ['filter=category%20%3D%203', 'INVALID_FILTER'],
    ['filter-lang=cql2-json&filter=true', 'VALIDATION_FAILED'],
    ['limit=10001', 'VALIDATION_FAILED'],
    ['limit=0', 'VALIDATION_FAILED'],
    ['bbox=106.7,-6.2,106.6,-6.1', 'INVALID_BBOX'],
    ['datetime=yesterday', 'INVALID_DATETIME'],
    ['datetime=../..', 'INVALID_DATETIME'],
    ['cursor=bm90LWEtY3Vyc29y', 'INVALID_CURSOR'],
    ['colour=red', 'VALIDATION_FAILED'],
  ])('refuses %s with 400 %s as an OGC exception', async (query, code) => {
    const res = await get(`/ogc/collections/reports/items?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code, description: expect.any(String) });
  });
});

describe('numberMatched and the extent, kept until reports change', () => {
  it('counts again when a report changes', async () => {
    const matched = async () => (await get('/ogc/collections/reports/items?limit=1')).json().numberMatched;
    const extent = async () => (await get('/ogc/collections/reports')).json().extent.spatial.bbox[0];
    expect(await matched()).toBe(4);
    const wide = await extent();
    // codes[2] is the south-east corner of the extent. Every change of a report moves updated_at.
    await t.db.query(sql`UPDATE reports SET status = 'rejected', updated_at = now() + interval '1 minute' WHERE code = ${codes[2]}`);
    expect(await matched()).toBe(3);
    expect((await extent())[2]).toBeLessThan(wide[2]);
    await t.db.query(sql`UPDATE reports SET status = 'published', updated_at = now() + interval '2 minutes' WHERE code = ${codes[2]}`);
    expect(await matched()).toBe(4);
    expect(await extent()).toEqual(wide);
  });
});

describe('one item', () => {
  it('returns a public report by its tracking code, with links', async () => {
    const res = await get(`/ogc/collections/reports/items/${codes[0]}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/geo+json');
    expect(res.json()).toMatchObject({ type: 'Feature', id: codes[0], geometry: { type: 'Point', coordinates: [106.632, -6.17] } });
    expect(res.json().links.map((l: { rel: string }) => l.rel)).toEqual(['self', 'collection']);
  });

  it('answers 404 for a report the public may not see', async () => {
    const res = await get(`/ogc/collections/reports/items/${codes[3]}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('FEATURE_NOT_FOUND');
  });

  it('returns a kelurahan by its code', async () => {
    const [{ code }] = await t.db.query<{ code: string }>(sql`SELECT code FROM kelurahan ORDER BY code LIMIT 1`);
    const res = await get(`/ogc/collections/kelurahan/items/${code}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: code, geometry: { type: 'MultiPolygon' }, properties: { code } });
  });
});

describe('boundaries and hot spots', () => {
  it('pages every kelurahan by code, and filters them with CQL2', async () => {
    const [{ count }] = await t.db.query<{ count: number }>(sql`SELECT count(*)::int AS count FROM kelurahan`);
    const seen: string[] = [];
    let url: string | undefined = '/ogc/collections/kelurahan/items?limit=7';
    while (url) {
      const body: Page = (await get(url)).json();
      expect(body.numberMatched).toBe(count);
      seen.push(...ids(body));
      const next = body.links.find((l) => l.rel === 'next');
      url = next ? new URL(next.href).pathname + new URL(next.href).search : undefined;
    }
    expect(seen).toHaveLength(count);
    expect(new Set(seen).size).toBe(count);
    // A self-crossing polygon (a bow tie): PostGIS's intersects predicate takes it, and so do we.
    const bowTie = 'S_INTERSECTS(geometry, POLYGON((106.6 -6.3, 106.7 -6.1, 106.7 -6.3, 106.6 -6.1, 106.6 -6.3)))';
    const crossed = await get(`/ogc/collections/kelurahan/items?filter=${encodeURIComponent(bowTie)}`);
    expect(crossed.statusCode, crossed.body).toBe(200);
    expect(crossed.json().numberMatched).toBeGreaterThan(0);
    const manyOrs = Array.from({ length: 500 }, (_, i) => `code = '${i}'`).join(' OR ');
    expect((await get(`/ogc/collections/kelurahan/items?filter=${encodeURIComponent(manyOrs)}`)).json().numberMatched).toBe(0);
    const tangsel = (await get(`/ogc/collections/kelurahan/items?limit=1000&filter=${encodeURIComponent("city_code = '36.74'")}`)).json();
    expect(tangsel.numberMatched).toBeGreaterThan(0);
    expect(tangsel.features.every((f: { properties: { city_code: string } }) => f.properties.city_code === '36.74')).toBe(true);
  });

  it('serves the Getis-Ord hot spots with default parameters, paged', async () => {
    const res = await get('/ogc/collections/hotspots-getis-ord/items?limit=5');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.numberReturned).toBe(5);
    expect(body.numberMatched).toBeGreaterThan(5);
    expect(body.features[0]).toMatchObject({ type: 'Feature', geometry: { type: 'Polygon' }, properties: { bin: expect.any(Number) } });
    const one = await get(`/ogc/collections/hotspots-getis-ord/items/${body.features[0].id}`);
    expect(one.json().properties).toEqual(body.features[0].properties);
  });

  it('offers no filter on a computed layer', async () => {
    const res = await get('/ogc/collections/hotspots-dbscan/items?filter=true');
    expect(res.statusCode).toBe(400);
    expect((await get('/ogc/collections/hotspots-dbscan/queryables')).statusCode).toBe(404);
  });
});

describe('queryables and negotiation', () => {
  it('describes the queryables of reports as a JSON Schema', async () => {
    const res = await get('/ogc/collections/reports/queryables');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/schema+json');
    const body = res.json();
    expect(body).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object' });
    expect(body.$id).toMatch(/\/ogc\/collections\/reports\/queryables$/);
    expect(Object.keys(body.properties)).toEqual(expect.arrayContaining(['geometry', 'category', 'status', 'kelurahan', 'created_at']));
    expect(body.properties.created_at).toMatchObject({ type: 'string', format: 'date-time' });
  });

  it('answers JSON to f=json and to a browser, and 406 to a client that takes no JSON', async () => {
    expect((await get('/ogc/collections?f=json')).statusCode).toBe(200);
    expect((await get('/ogc/collections', { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' })).statusCode).toBe(200);
    expect((await get('/ogc/collections/reports/items', { accept: 'application/json' })).headers['content-type']).toContain('application/json');
    const refused = await get('/ogc/collections', { accept: 'text/html' });
    expect(refused.statusCode).toBe(406);
    expect(refused.json().code).toBe('NOT_ACCEPTABLE');
    expect((await get('/ogc/collections?f=html')).statusCode).toBe(400);
  });
});

// The members each OpenAPI fragment of OGC 17-069r4 (schemas/*.yaml) lists as required, with
// the link members link.yaml requires, on every collection and one feature of each.
describe('required members of the specification\'s schemas', () => {
  const hasLinks = (links: { href?: string; rel?: string }[]) => {
    expect(Array.isArray(links)).toBe(true);
    for (const l of links) expect(typeof l.href === 'string' && typeof l.rel === 'string').toBe(true);
  };

  it('landing page, conformance and collections', async () => {
    hasLinks((await get('/ogc')).json().links);
    const conformance = (await get('/ogc/conformance')).json();
    expect(conformance.conformsTo.every((c: unknown) => typeof c === 'string')).toBe(true);
    const collections = (await get('/ogc/collections')).json();
    hasLinks(collections.links);
    for (const c of collections.collections) {
      expect(typeof c.id).toBe('string');
      hasLinks(c.links);
      const one = (await get(`/ogc/collections/${c.id}`)).json();
      expect(one.id).toBe(c.id);
      hasLinks(one.links);
    }
  });

  it('items and one feature of every collection', async () => {
    for (const { id } of (await get('/ogc/collections')).json().collections) {
      const res = await get(`/ogc/collections/${id}/items?limit=2`);
      expect(res.statusCode, id).toBe(200);
      const page = res.json();
      expect(page.type).toBe('FeatureCollection');
      hasLinks(page.links);
      expect(page.links.find((l: { rel: string }) => l.rel === 'self')?.type).toBe('application/geo+json');
      expect(page.numberReturned).toBe(page.features.length);
      expect(page.numberMatched).toBeGreaterThanOrEqual(page.numberReturned);
      for (const f of page.features) {
        expect(f.type).toBe('Feature');
        expect(f).toHaveProperty('geometry');
        expect(f).toHaveProperty('properties');
      }
      if (page.features.length === 0) continue;
      const feature = (await get(`/ogc/collections/${id}/items/${encodeURIComponent(page.features[0].id)}`)).json();
      expect(feature).toMatchObject({ type: 'Feature', id: page.features[0].id, properties: page.features[0].properties });
      hasLinks(feature.links);
    }
  });

  it('exceptions', async () => {
    for (const url of ['/ogc/nothing', '/ogc/collections/reports/items/TGR-NOPE', '/ogc/collections/reports/items?limit=x']) {
      const res = await get(url);
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(typeof res.json().code, url).toBe('string');
      expect(typeof res.json().description).toBe('string');
    }
  });
});
