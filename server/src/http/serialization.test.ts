import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { readConfig } from '../config.ts';
import { sql } from '../db/database.ts';
import { seedDemoReports } from '../demo/seed.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { signIn, type SignedIn } from '../test/staff.ts';

// Fastify writes a JSON answer through its response schema (fast-json-stringify), which leaves
// out every property the schema does not name and turns a null in a non-null field into "" or 0.
// So a schema that falls behind its SQL loses data silently. Here every JSON answer is compared
// with what its handler returned, on demo data and on reports that went through the workflow.

let t: TestDatabase;
let app: FastifyInstance;
let dataDir: string;
let admin: SignedIn;
const returned = new Map<string, unknown>();

beforeAll(async () => {
  t = await createTestDatabase();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'petawarga-test-'));
  app = await buildApp({ config: { ...readConfig(), dataDir, sourceBurstLimit: 100_000 }, db: t.db });
  // What each handler returned, before its schema wrote it out.
  app.addHook('preSerialization', async (request, _reply, payload) => {
    returned.set(request.url, payload);
    return payload;
  });
  await app.ready();
  await seedDemoReports(t.db, { count: 300, seed: 3, now: new Date('2026-06-01T00:00:00Z') });
  admin = await signIn(app, t.db, { role: 'admin' });
}, 180_000);
afterAll(async () => {
  await app?.close();
  await t?.drop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

async function get(url: string) {
  const res = await app.inject({ method: 'GET', url, headers: admin.headers });
  expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
  return res;
}

/** The answer as sent equals the handler's value as JSON.stringify would have written it. */
async function expectWhole(url: string) {
  const res = await get(url);
  expect(returned.has(url), `${url} answered without serialising`).toBe(true);
  expect(res.json()).toEqual(JSON.parse(JSON.stringify(returned.get(url))));
  return res.json();
}

describe('JSON answers keep everything their handler returned', () => {
  let submitted: string;
  let filed: string;

  beforeAll(async () => {
    const report = await app.inject({
      method: 'POST', url: '/api/reports',
      payload: {
        category: 'jalan_rusak', description: 'Jalan berlubang besar di depan pasar, mohon segera diperbaiki',
        lat: -6.17188, lon: 106.63172, accuracy_m: 12, address: 'Jl. Daan Mogot',
        reporter: { name: 'Ibu Sari', phone: '081234567890', email: 'sari@example.test' },
      },
    });
    expect(report.statusCode, report.body).toBe(201);
    submitted = report.json().code;
    expect(report.json()).toEqual(JSON.parse(JSON.stringify(returned.get('/api/reports'))));
    const post = (url: string, payload: object) => app.inject({ method: 'POST', url, headers: admin.headers, payload });
    expect((await post(`/api/console/reports/${submitted}/notes`, { text: 'Sudah ditelepon, menunggu alat berat' })).statusCode).toBe(201);
    for (const to of ['assigned', 'in_progress', 'resolved']) {
      const res = await post(`/api/reports/${submitted}/status`, { to, reason: 'Tahap berikutnya', response: 'Lubang sudah ditambal' });
      expect(res.statusCode, res.body).toBe(200);
    }
    const intake = await post('/api/console/intake', {
      channel: 'walk_in', category: 'sampah', description: 'Sampah menumpuk di pinggir kali sejak seminggu',
      location: { kelurahan_code: '36.71.01.1001' }, reporter: { name: 'Pak Budi' },
    });
    expect(intake.statusCode, intake.body).toBe(201);
    filed = intake.json().code;
    const [held] = await t.db.query<{ code: string }>(sql`SELECT code FROM reports WHERE status = 'submitted' LIMIT 1`);
    if (!held) {
      await t.db.query(sql`UPDATE reports SET status = 'submitted', moderation_flags = '{"flags":["abusive"],"evidence":{"abusive":["x"]}}'
                           WHERE id = (SELECT min(id) FROM reports WHERE is_synthetic)`);
    }
  });

  it('public reports, one and a page', async () => {
    const one = await expectWhole(`/api/reports/${submitted}`);
    expect(one.routing_explanation.kelurahan.code).toMatch(/^36\./);
    const page = await expectWhole('/api/reports?limit=50');
    expect(page.features).toHaveLength(50);
  });

  it('the desk: list, map, one report with its private side, the receipt', async () => {
    await expectWhole('/api/console/reports?limit=100');
    await expectWhole('/api/console/reports?format=geojson');
    const detail = await expectWhole(`/api/console/reports/${submitted}`);
    expect(detail.reporter).toMatchObject({ name: 'Ibu Sari', phone: expect.any(String) });
    expect(detail.notes).toHaveLength(1);
    await expectWhole(`/api/console/reports/${filed}`);
    await expectWhole(`/api/console/receipts/${filed}`);
    await expectWhole('/api/console/kelurahan-search?q=sukarasa');
  });

  it('reference data, boundaries, staff, moderation, layers and routing', async () => {
    for (const url of ['/health', '/api/categories', '/api/departments', '/api/kelurahan?city=36.71', '/api/staff/me',
      '/api/moderation/queue', '/api/layers', '/api/routing/rules', '/api/routing/rules/events', '/api/routing/areas', '/api/holidays?year=2026',
      '/api/admin/supervisors', '/api/service/departments',
      '/api/deadlines/on-time?group=department&since=2024-06-01&until=2026-06-01', '/tiles/reports.json']) {
      await expectWhole(url);
    }
    const layers = (await get('/api/layers')).json().layers as { name: string }[];
    for (const layer of layers) await expectWhole(`/api/layers/${layer.name}`);
  });

  it('analytics layers and weekly counts', async () => {
    const window = 'since=2024-06-01&until=2026-06-01';
    for (const url of [`/api/hotspots/getis-ord?${window}`, `/api/hotspots/getis-ord?${window}&measure=density`,
      `/api/hotspots/dbscan?${window}&min_points=3`, `/api/hotspots/emerging?until=2026-06-01`,
      `/api/analytics/kelurahan?${window}`, `/api/analytics/weekly?${window}`]) {
      await expectWhole(url);
    }
  });
});
