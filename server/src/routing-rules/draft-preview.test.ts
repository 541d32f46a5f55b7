import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { importLayer } from '../layers/import.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { signIn, type SignedIn } from '../test/staff.ts';

let t: TestApp;
let admin: SignedIn;
// An east–west road through Kota Tangerang at latitude −6.19; the reports lie ~22 m north of it.
const nearRoad = { lat: -6.1898, lon: 106.620 };
const farAway = { lat: -6.17188, lon: 106.63172 };
const codes: Record<string, string> = {};

const file = async (at: { lat: number; lon: number }, category: string) => {
  const res = await t.app.inject({
    method: 'POST', url: '/api/reports', payload: { ...at, category, description: 'Jalan berlubang besar dekat simpang' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().code as string;
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, t.db, { role: 'admin' });
  await importLayer(t.db, {
    name: 'jalan-uji', actor: 'test',
    collection: { type: 'FeatureCollection', features: [{
      type: 'Feature', id: 'jalan-uji', properties: { name: 'Jalan Uji' },
      geometry: { type: 'LineString', coordinates: [[106.600, -6.190], [106.640, -6.190]] },
    }] },
  });
  codes.open = await file(nearRoad, 'jalan_rusak');
  codes.resolvedRecently = await file(nearRoad, 'jalan_rusak');
  codes.resolvedLongAgo = await file(nearRoad, 'jalan_rusak');
  codes.otherCategory = await file(nearRoad, 'sampah');
  codes.elsewhere = await file(farAway, 'jalan_rusak');
  // Fixture states written directly: the lifecycle has tests of its own.
  await t.db.query(sql`UPDATE reports SET status = 'resolved' WHERE code IN (${codes.resolvedRecently}, ${codes.resolvedLongAgo})`);
  await t.db.query(sql`UPDATE reports SET created_at = now() - interval '120 days' WHERE code = ${codes.resolvedLongAgo}`);
}, 60_000);
afterAll(() => t?.close());

const draft = {
  name: 'Jalan uji → Dishub', priority: 100, categories: ['jalan_rusak'],
  condition: { kind: 'near_layer', layer: 'jalan-uji', distance_m: 40 }, department: 'tgr-dishub',
};
const preview = (body: object, url = '/api/routing/rules/preview', headers = admin.headers) =>
  t.app.inject({ method: 'POST', url, payload: body, headers });

/** Every row a preview could touch, to compare before and after. */
const snapshot = () => t.db.query(sql`
  SELECT (SELECT json_agg(r ORDER BY r.id) FROM routing_rules r) AS rules,
         (SELECT count(*)::int FROM routing_rule_events) AS events,
         (SELECT json_agg(json_build_object('code', code, 'department', department_code, 'explanation', routing_explanation,
                                            'updated_at', updated_at) ORDER BY id) FROM reports) AS reports,
         (SELECT count(*)::int FROM report_events) AS report_events`);

describe('POST /api/routing/rules/preview', () => {
  it('lists the open and recent reports a draft would move, with names, and writes nothing', async () => {
    const before = await snapshot();
    const res = await preview(draft);
    expect(res.statusCode, res.body).toBe(200);
    const effect = res.json();
    expect(effect).toMatchObject({ count: 2, open_count: 1, recent_count: 2, days: 90 });
    expect(effect.reports.map((r: { code: string }) => r.code)).toEqual([codes.open, codes.resolvedRecently]);
    const [open] = effect.reports;
    expect(open).toMatchObject({
      is_open: true, category: 'jalan_rusak',
      from_department: { code: 'tgr-pupr', name: expect.stringMatching(/Pekerjaan Umum/) },
      to_department: { code: 'tgr-dishub', name: expect.stringMatching(/Perhubungan/) },
    });
    expect(open.kelurahan_name).toMatch(/^[A-Z][a-z]/);
    expect(open.kecamatan_name).toMatch(/^[A-Z][a-z]/);
    expect(open.lat).toBeCloseTo(nearRoad.lat, 5);
    expect(await snapshot()).toEqual(before);

    // The same rule saved routes a new report as the preview said.
    const saved = await t.app.inject({ method: 'POST', url: '/api/routing/rules', payload: draft, headers: admin.headers });
    expect(saved.statusCode, saved.body).toBe(201);
    const code = await file(nearRoad, 'jalan_rusak');
    const [routed] = await t.db.query(sql`SELECT department_code FROM reports WHERE code = ${code}`);
    expect(routed).toEqual({ department_code: 'tgr-dishub' });
  });

  it('previews an edit of a saved rule: disabling it lists the reports it had taken', async () => {
    const [rule] = await t.db.query<{ id: number }>(sql`SELECT id::int FROM routing_rules WHERE name = ${draft.name}`);
    const before = await snapshot();
    const res = await preview({ ...draft, is_active: false }, `/api/routing/rules/preview?replaces=${rule.id}`);
    expect(res.statusCode, res.body).toBe(200);
    // Only the report filed after saving was routed by the rule; the older ones stay where they are.
    expect(res.json()).toMatchObject({ count: 1, reports: [{ from_department: { code: 'tgr-dishub' }, to_department: { code: 'tgr-pupr' } }] });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses what saving would refuse, with the same codes, and writes nothing', async () => {
    const before = await snapshot();
    const refused = async (body: object, status: number, code: string, url?: string) => {
      const res = await preview({ ...draft, ...body }, url);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error.code).toBe(code);
    };
    await refused({ condition: { kind: 'near_layer', layer: 'tidak-ada', distance_m: 10 } }, 422, 'UNKNOWN_LAYER');
    await refused({ condition: { kind: 'in_layer', layer: 'jalan-uji' } }, 422, 'LAYER_HAS_NO_POLYGONS');
    await refused({ department: 'dinas-naga' }, 422, 'UNKNOWN_DEPARTMENT');
    await refused({ categories: ['naga'] }, 422, 'UNKNOWN_CATEGORY');
    await refused({ condition: { kind: 'near_layer', layer: 'jalan-uji' } }, 400, 'VALIDATION_FAILED');
    await refused({ priority: 0 }, 400, 'VALIDATION_FAILED');
    await refused({}, 404, 'RULE_NOT_FOUND', '/api/routing/rules/preview?replaces=999999');
    expect(await snapshot()).toEqual(before);
  });

  it('is for admins only', async () => {
    const moderator = await signIn(t.app, t.db, { role: 'moderator' });
    const res = await preview(draft, undefined, moderator.headers);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    expect((await t.app.inject({ method: 'POST', url: '/api/routing/rules/preview', payload: draft })).statusCode).toBe(401);
  });
});
