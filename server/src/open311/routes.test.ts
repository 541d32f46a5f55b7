import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { signIn } from '../test/staff.ts';

let t: TestApp;
let apiKey: string;
beforeAll(async () => {
  t = await createTestApp();
  const admin = await signIn(t.app, t.db, { role: 'admin' });
  const issued = await t.app.inject({ method: 'POST', url: '/api/admin/api-keys', headers: admin.headers, payload: { name: 'Aplikasi Warga' } });
  apiKey = issued.json().key;
});
afterAll(() => t?.close());

// Inside kelurahan Sukarasa (36.71.01.1001), Kota Tangerang; and a Tangsel point.
const sukarasa = { lat: '-6.17', long: '106.632' };
const tangsel = { lat: '-6.3', long: '106.72' };
const xml = new XMLParser({ isArray: (name) => ['service', 'request', 'error', 'attribute', 'value', 'endpoint', 'format'].includes(name) });

const form = (fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return body.toString();
};
const postRequest = (format: 'json' | 'xml', fields: Record<string, string | string[]>, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST', url: `/open311/v2/requests.${format}`, payload: form(fields),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  });
const get = (url: string) => t.app.inject({ method: 'GET', url });
const flood = (extra: Record<string, string | string[]> = {}) => ({
  api_key: apiKey, service_code: 'banjir', ...sukarasa, description: 'Air setinggi lutut di depan masjid',
  'attribute[road_passable]': 'tidak', ...extra,
});

describe('discovery and services', () => {
  it('describes the endpoint in JSON and in XML', async () => {
    const json = await get('/open311/v2/discovery.json');
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    expect(json.json().endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2', url: 'http://localhost:3000/open311/v2', formats: ['text/xml', 'application/json'],
    });
    const res = await get('/open311/v2/discovery.xml');
    expect(res.headers['content-type']).toMatch(/^text\/xml/);
    expect(res.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
    expect(xml.parse(res.body).discovery.endpoints.endpoint[0].formats.format).toEqual(['text/xml', 'application/json']);
  });

  it('lists one service per category, with its group and keywords, in both formats', async () => {
    const [{ count }] = await t.db.query<{ count: number }>(sql`SELECT count(*)::int AS count FROM categories`);
    const json = (await get('/open311/v2/services.json')).json();
    expect(json).toHaveLength(count);
    expect(json.find((s: { service_code: string }) => s.service_code === 'lampu_jalan')).toEqual({
      service_code: 'lampu_jalan', service_name: 'Lampu Jalan Mati', description: 'Penerangan jalan umum (PJU) mati atau rusak',
      metadata: true, type: 'realtime', keywords: expect.stringContaining('pju'), group: 'Perhubungan',
    });
    const english = (await get('/open311/v2/services.json?locale=en')).json();
    expect(english.find((s: { service_code: string }) => s.service_code === 'lampu_jalan').service_name).toBe('Street light out');
    const services = xml.parse((await get('/open311/v2/services.xml')).body).services.service;
    expect(services).toHaveLength(count);
    expect(services.find((s: { service_code: string }) => s.service_code === 'sampah')).toMatchObject({ metadata: false, group: 'Lingkungan' });
  });

  it('defines a service\'s questions, and answers an unknown service with 404 in the specification\'s error list', async () => {
    const json = (await get('/open311/v2/services/banjir.json?locale=en')).json();
    expect(json.service_code).toBe('banjir');
    expect(json.attributes.map((a: { code: string }) => a.code)).toEqual(['water_depth_cm', 'road_passable']);
    expect(json.attributes[1]).toMatchObject({ variable: true, datatype: 'singlevaluelist', required: true, order: 2 });
    expect(json.attributes[1].values).toEqual([{ key: 'ya', name: 'Yes' }, { key: 'tidak', name: 'No' }]);
    const definition = xml.parse((await get('/open311/v2/services/pohon_tumbang.xml')).body).service_definition;
    expect(definition.attributes.attribute[0].values.value.map((v: { key: string }) => v.key)).toContain('kabel');

    const missing = await get('/open311/v2/services/gempa.json');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual([{ code: 404, description: expect.stringMatching(/gempa.*\[SERVICE_NOT_FOUND\]$/) }]);
    const missingXml = await get('/open311/v2/services/gempa.xml');
    expect(missingXml.statusCode).toBe(404);
    expect(xml.parse(missingXml.body).errors.error[0].code).toBe(404);
  });

  it('answers an unknown path under /open311 in its format, and the rest of the API as before', async () => {
    const res = await get('/open311/v2/nothing.xml');
    expect(res.statusCode).toBe(404);
    expect(xml.parse(res.body).errors.error[0].description).toMatch(/\[NOT_FOUND\]$/);
    expect((await get('/api/nothing')).json().error.code).toBe('NOT_FOUND');
  });
});

describe('POST requests', () => {
  it('files a report with a key through the usual routing, keeping the contact private', async () => {
    const res = await postRequest('json', flood({
      email: 'siti@example.org', first_name: 'Siti', last_name: 'Aminah', phone: '+6281234567890', device_id: 'hp-siti-01',
      address_string: 'Jl. Merdeka 5', media_url: 'https://foto.example.org/banjir.jpg', 'attribute[water_depth_cm]': '45',
    }));
    expect(res.statusCode).toBe(201);
    const [posted] = res.json();
    expect(posted.service_request_id).toMatch(/^TGR-/);
    expect(posted.token).toBeUndefined();
    const [stored] = await t.db.query<Record<string, unknown>>(sql`
      SELECT r.channel, r.department_code, r.kelurahan_code, r.due_at IS NOT NULL AS has_deadline,
             p.name, p.phone, p.email, s.attributes, s.media_url
      FROM reports r JOIN reporters p ON p.report_id = r.id JOIN open311_submissions s ON s.report_id = r.id
      WHERE r.code = ${posted.service_request_id}`);
    expect(stored).toEqual({
      channel: 'api', department_code: 'tgr-bpbd', kelurahan_code: '36.71.01.1001', has_deadline: true,
      name: 'Siti Aminah', phone: '+6281234567890', email: 'siti@example.org',
      attributes: { water_depth_cm: '45', road_passable: 'tidak' }, media_url: 'https://foto.example.org/banjir.jpg',
    });

    const one = await get(`/open311/v2/requests/${posted.service_request_id}.json`);
    expect(one.statusCode).toBe(200);
    expect(one.json()[0]).toMatchObject({
      service_request_id: posted.service_request_id, status: 'open', service_code: 'banjir',
      agency_responsible: 'Badan Penanggulangan Bencana Daerah Kota Tangerang', address: 'Jl. Merdeka 5',
      expected_datetime: expect.stringMatching(/Z$/), media_url: 'https://foto.example.org/banjir.jpg', lat: -6.17, long: 106.632,
    });
    for (const url of [`/open311/v2/requests/${posted.service_request_id}.xml`, '/open311/v2/requests.json', '/open311/v2/requests.xml']) {
      expect((await get(url)).body).not.toMatch(/Siti|Aminah|6281234567890|siti@example|hp-siti/);
    }
  });

  it('files in XML, with a multivaluelist answer', async () => {
    const res = await postRequest('xml', {
      api_key: apiKey, service_code: 'pohon_tumbang', ...tangsel, description: 'Pohon besar tumbang menutup jalan',
      'attribute[blocking][]': ['jalan', 'kabel'],
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers['content-type']).toMatch(/^text\/xml/);
    const id = xml.parse(res.body).service_requests.request[0].service_request_id;
    expect(id).toMatch(/^TSL-/);
    const [stored] = await t.db.query<{ attributes: unknown }>(sql`
      SELECT s.attributes FROM open311_submissions s JOIN reports r ON r.id = s.report_id WHERE r.code = ${id}`);
    expect(stored.attributes).toEqual({ blocking: ['jalan', 'kabel'] });
    const request = xml.parse((await get(`/open311/v2/requests/${id}.xml`)).body).service_requests.request[0];
    expect(request).toMatchObject({ service_request_id: id, status: 'open', agency_responsible: expect.stringMatching(/Tangerang Selatan$/) });
  });

  it('writes hostile text as well-formed XML', async () => {
    const description = 'Banjir <b>&amp;</b> "lagi" ]]> \u0007 di gang';
    const res = await t.app.inject({
      method: 'POST', url: '/open311/v2/requests.json',
      payload: { api_key: apiKey, service_code: 'banjir', lat: -6.17, long: 106.632, description, attribute: { road_passable: 'ya' } },
    });
    const id = res.json()[0].service_request_id;
    const body = (await get(`/open311/v2/requests/${id}.xml`)).body;
    expect(XMLValidator.validate(body)).toBe(true);
    expect(xml.parse(body).service_requests.request[0].description).toBe('Banjir <b>&amp;</b> "lagi" ]]> \uFFFD di gang');
  });

  it('accepts a JSON body with nested answers', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/open311/v2/requests.json',
      payload: { api_key: apiKey, service_code: 'banjir', lat: -6.17, long: 106.632, description: 'Genangan setinggi betis', attribute: { road_passable: 'ya' } },
    });
    expect(res.statusCode).toBe(201);
  });

  it('refuses a body in another media type (415) or none (400), before looking at a key', async () => {
    for (const [headers, payload, status] of [
      [{ 'content-type': 'text/plain' }, form(flood()), 415],
      [{ 'content-type': 'multipart/form-data; boundary=x' }, '--x--\r\n', 415],
      [{}, undefined, 400],
      [{ 'content-type': 'application/json' }, '"api_key"', 400],
    ] as const) {
      const res = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers, payload });
      expect(res.statusCode, JSON.stringify(headers)).toBe(status);
      expect(res.json()[0].code).toBe(status);
    }
  });

  it('refuses a bad, a missing and a revoked key with 403, in both formats, storing nothing', async () => {
    const before = await t.db.query(sql`SELECT id FROM reports`);
    const bad = await postRequest('json', flood({ api_key: 'pw311_bukan-kunci-yang-sah' }));
    expect(bad.statusCode).toBe(403);
    expect(bad.json()).toEqual([{ code: 403, description: expect.stringMatching(/api_key.*\[API_KEY_INVALID\]$/) }]);
    const { api_key: _k, ...withoutKey } = flood();
    const missing = await postRequest('xml', withoutKey);
    expect(missing.statusCode).toBe(403);
    expect(xml.parse(missing.body).errors.error[0]).toMatchObject({ code: 403 });

    const admin = await signIn(t.app, t.db, { role: 'admin' });
    const issued = (await t.app.inject({ method: 'POST', url: '/api/admin/api-keys', headers: admin.headers, payload: { name: 'Lama' } })).json();
    expect((await postRequest('json', flood({ api_key: issued.key }))).statusCode).toBe(201);
    await t.app.inject({ method: 'POST', url: `/api/admin/api-keys/${issued.id}/revoke`, headers: admin.headers });
    expect((await postRequest('json', flood({ api_key: issued.key }))).statusCode).toBe(403);
    expect(await t.db.query(sql`SELECT id FROM reports`)).toHaveLength(before.length + 1);
  });

  it('refuses a bad service code, a missing answer, a bad answer, an address alone and a short description with 400', async () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ service_code: 'gempa' }, /\[UNKNOWN_SERVICE_CODE\]$/],
      [{ 'attribute[road_passable]': '' }, /road_passable.*required.*\[INVALID_ATTRIBUTE\]$/],
      [{ 'attribute[water_depth_cm]': 'dalam' }, /water_depth_cm.*\[INVALID_ATTRIBUTE\]$/],
      [{ 'attribute[pole_number]': '7' }, /pole_number.*not asked.*\[INVALID_ATTRIBUTE\]$/],
      [{ description: 'banjir' }, /description.*\[VALIDATION_FAILED\]$/],
      [{ lat: 'utara' }, /lat.*\[VALIDATION_FAILED\]$/],
      [{ lat: '-6.2', long: '106.85' }, /\[OUTSIDE_SERVICE_AREA\]$/],
    ];
    for (const [change, description] of cases) {
      const res = await postRequest('json', flood(change));
      expect(res.json()[0].description).toMatch(description);
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      expect(res.json()[0].code).toBe(400);
    }
    const { lat: _a, long: _b, ...streetOnly } = flood({ address_string: 'Jl. Merdeka 5' });
    const res = await postRequest('xml', streetOnly);
    expect(res.statusCode).toBe(400);
    expect(xml.parse(res.body).errors.error[0].description).toMatch(/\[LOCATION_REQUIRED\]$/);
  });

  it('places an address without lat/long at the kelurahan it names, marked approximate', async () => {
    const { lat: _a, long: _b, ...addressOnly } = flood({ address_string: 'Jl. Merdeka 5, Kel. Sukarsa, Tangerang' });
    const res = await postRequest('json', addressOnly);
    expect(res.statusCode).toBe(201);
    const [stored] = await t.db.query<{ kelurahan_code: string; location_is_approximate: boolean; inside: boolean }>(sql`
      SELECT r.kelurahan_code, r.location_is_approximate, ST_Contains(k.geom, r.location) AS inside
      FROM reports r JOIN kelurahan k ON k.code = r.kelurahan_code WHERE r.code = ${res.json()[0].service_request_id}`);
    expect(stored).toEqual({ kelurahan_code: '36.71.01.1001', location_is_approximate: true, inside: true });
  });

  it('answers a retry with the same Idempotency-Key with the same request, once', async () => {
    const headers = { 'idempotency-key': 'open311-retry-0001' };
    const first = await postRequest('json', flood(), headers);
    const again = await postRequest('json', flood(), headers);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json()[0].service_request_id).toBe(first.json()[0].service_request_id);
    expect(await t.db.query(sql`SELECT 1 FROM open311_submissions s JOIN reports r ON r.id = s.report_id
                                WHERE r.code = ${first.json()[0].service_request_id}`)).toHaveLength(1);
    const changed = await postRequest('json', flood({ 'attribute[water_depth_cm]': '80' }), headers);
    expect(changed.statusCode).toBe(400);
    expect(changed.json()[0].description).toMatch(/\[IDEMPOTENCY_KEY_REUSED\]$/);
  });
});

describe('GET requests', () => {
  let closedId: string;
  beforeAll(async () => {
    const res = await postRequest('json', {
      api_key: apiKey, service_code: 'sampah', ...tangsel, description: 'Sampah menumpuk di pinggir kali',
    });
    closedId = res.json()[0].service_request_id;
    await t.db.query(sql`UPDATE reports SET status = 'resolved' WHERE code = ${closedId}`);
    await t.db.query(sql`
      INSERT INTO report_events (report_id, kind, actor, new_value, reason, is_public)
      SELECT id, 'status_changed', 'petugas', '{"status":"resolved"}', 'Sudah diangkut truk DLH pagi ini', true
      FROM reports WHERE code = ${closedId}`);
  });

  it('filters by status, service code, jurisdiction and bbox, with status notes from public responses', async () => {
    const closed = (await get('/open311/v2/requests.json?status=closed')).json();
    expect(closed.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([closedId]);
    expect(closed[0]).toMatchObject({ status: 'closed', status_notes: 'Sudah diangkut truk DLH pagi ini' });
    const open = (await get('/open311/v2/requests.json?status=open')).json();
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((r: { status: string }) => r.status === 'open')).toBe(true);

    const trees = xml.parse((await get('/open311/v2/requests.xml?service_code=pohon_tumbang,sampah')).body).service_requests.request;
    expect(new Set(trees.map((r: { service_code: string }) => r.service_code))).toEqual(new Set(['pohon_tumbang', 'sampah']));
    const tangselOnly = (await get('/open311/v2/requests.json?jurisdiction_id=36.74')).json();
    expect(tangselOnly.length).toBe(2);
    expect((await get('/open311/v2/requests.json?bbox=106.7,-6.31,106.73,-6.29')).json()).toHaveLength(2);
    expect((await get('/open311/v2/requests.json?bbox=106.8,-6.31,106.9,-6.29')).json()).toHaveLength(0);
    const unknown = await get('/open311/v2/requests.json?jurisdiction_id=31.71');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()[0].description).toMatch(/\[UNKNOWN_JURISDICTION\]$/);
  });

  it('pages, filters by dates and by ids, and refuses a span over 90 days', async () => {
    const all = (await get('/open311/v2/requests.json?page_size=200')).json();
    const page2 = (await get('/open311/v2/requests.json?page_size=2&page=2')).json();
    expect(page2).toEqual(all.slice(2, 4));
    const ids = `${all[0].service_request_id},${all[3].service_request_id}`;
    expect((await get(`/open311/v2/requests.json?service_request_id=${ids}`)).json()).toHaveLength(2);
    expect((await get('/open311/v2/requests.json?end_date=2020-01-01T00:00:00Z')).json()).toEqual([]);
    const now = Date.now();
    const recent = `start_date=${new Date(now - 3600_000).toISOString()}&end_date=${new Date(now + 3600_000).toISOString()}`;
    expect((await get(`/open311/v2/requests.json?${recent}`)).json()).toHaveLength(all.length);
    const tooLong = await get('/open311/v2/requests.xml?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z');
    expect(tooLong.statusCode).toBe(400);
    expect(xml.parse(tooLong.body).errors.error[0].description).toMatch(/\[DATE_RANGE_TOO_LONG\]$/);
    for (const impossible of ['2026-02-30T00:00:00Z', '2026-12-31T23:59:60Z', '9999-12-31T00:00:00Z']) {
      const res = await get(`/open311/v2/requests.json?start_date=${impossible}`);
      expect(res.statusCode, impossible).toBe(400);
      expect(res.json()[0].description).toMatch(/start_date.*\[(INVALID_DATE|VALIDATION_FAILED)\]$/);
    }
    const badStatus = await get('/open311/v2/requests.json?status=pending');
    expect(badStatus.statusCode).toBe(400);
    expect(badStatus.json()[0].description).toMatch(/status.*\[VALIDATION_FAILED\]$/);
  });

  it('answers an unknown request with 404 in both formats', async () => {
    expect((await get('/open311/v2/requests/TGR-ZZZZZZ.json')).json()).toEqual([
      { code: 404, description: expect.stringMatching(/\[SERVICE_REQUEST_NOT_FOUND\]$/) },
    ]);
    const res = await get('/open311/v2/requests/TGR-ZZZZZZ.xml');
    expect(res.statusCode).toBe(404);
    expect(xml.parse(res.body).errors.error[0].code).toBe(404);
  });
});

describe('outcomes other than a fix', () => {
  it('answers referred, unfixable and no-action reports as closed, with the agency or reason and the explanation in status_notes', async () => {
    const admin = await signIn(t.app, t.db, { role: 'admin' });
    const filed: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const res = await postRequest('json', flood({ description: `Jalan nasional berlubang besar, laporan ${i + 1}` }));
      filed.push(res.json()[0].service_request_id);
    }
    const [referred, unfixable, noAction] = filed;
    const change = (code: string, payload: object) =>
      t.app.inject({ method: 'POST', url: `/api/reports/${code}/status`, headers: admin.headers, payload });
    expect((await change(referred, { to: 'referred', agency: 'BBPJN Banten', response: 'Jalan nasional, diteruskan ke BBPJN.' })).statusCode).toBe(200);
    expect((await change(unfixable, { to: 'cannot_fix', reason: 'lahan milik pribadi', response: 'Pemilik sudah kami surati.' })).statusCode).toBe(200);
    expect((await change(noAction, { to: 'no_action_needed', response: 'Air sudah surut saat diperiksa.' })).statusCode).toBe(200);

    const one = async (code: string, locale = 'id') => (await get(`/open311/v2/requests/${code}.json?locale=${locale}`)).json()[0];
    expect(await one(referred)).toMatchObject({ status: 'closed', status_notes: 'Dirujuk ke BBPJN Banten. Jalan nasional, diteruskan ke BBPJN.' });
    expect(await one(referred, 'en')).toMatchObject({ status_notes: 'Referred to BBPJN Banten. Jalan nasional, diteruskan ke BBPJN.' });
    expect(await one(unfixable)).toMatchObject({
      status: 'closed', status_notes: 'Tidak dapat diperbaiki: lahan milik pribadi. Pemilik sudah kami surati.',
    });
    expect(await one(noAction)).toMatchObject({ status: 'closed', status_notes: 'Air sudah surut saat diperiksa.' });

    const ids = async (status: string) => (await get(`/open311/v2/requests.json?status=${status}&page_size=200`)).json()
      .map((r: { service_request_id: string }) => r.service_request_id);
    expect(await ids('closed')).toEqual(expect.arrayContaining(filed));
    expect((await ids('open')).filter((code: string) => filed.includes(code))).toEqual([]);
  });
});
