import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { importLayer } from '../layers/import.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { signIn, type SignedIn } from '../test/staff.ts';

let t: TestApp;
let admin: SignedIn;
let adminId: number;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, t.db, { role: 'admin', email: 'admin.rules@petawarga.test' });
  [{ id: adminId }] = await t.db.query<{ id: number }>(sql`SELECT id::int FROM staff WHERE email = 'admin.rules@petawarga.test'`);
  // An east–west road through Kota Tangerang (Cibodas to Babakan) at latitude −6.19.
  await importLayer(t.db, {
    name: 'jalan-uji', actor: 'test',
    collection: { type: 'FeatureCollection', features: [{
      type: 'Feature', id: 'jalan-uji', properties: { name: 'Jalan Uji' },
      geometry: { type: 'LineString', coordinates: [[106.600, -6.190], [106.640, -6.190]] },
    }] },
  });
});
afterAll(() => t?.close());

const nearRoad = { name: 'Jalan uji → Dishub', priority: 100, categories: ['jalan_rusak'],
  condition: { kind: 'near_layer', layer: 'jalan-uji', distance_m: 40 }, department: 'tgr-dishub' };
// ~22 m north of the road.
const onRoad = { lat: -6.1898, lon: 106.620 };

const inject = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers = admin.headers) =>
  t.app.inject({ method, url, payload: payload as never, headers });

describe('routing rules API', () => {
  it('creates, changes and deletes a rule, auditing each change with actor, old and new', async () => {
    const created = await inject('POST', '/api/routing/rules', nearRoad);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ ...nearRoad, id, city: null, responsible_unit: null, is_active: true });

    const patched = await inject('PATCH', `/api/routing/rules/${id}`, { priority: 200, condition: { kind: 'in_kecamatan', codes: ['36.71.01'] } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ priority: 200, condition: { kind: 'in_kecamatan', codes: ['36.71.01'] }, name: nearRoad.name });
    const [stored] = await t.db.query(sql`SELECT layer_id, distance_m, area_codes FROM routing_rules WHERE id = ${id}`);
    expect(stored).toEqual({ layer_id: null, distance_m: null, area_codes: ['36.71.01'] });

    expect((await inject('GET', '/api/routing/rules')).json().rules.map((r: { id: number }) => r.id)).toContain(id);
    expect((await inject('DELETE', `/api/routing/rules/${id}`)).statusCode).toBe(204);
    expect((await inject('DELETE', `/api/routing/rules/${id}`)).json().error.code).toBe('RULE_NOT_FOUND');

    const events = (await inject('GET', `/api/routing/rules/events?rule_id=${id}`)).json().events;
    expect(events.map((e: { action: string }) => e.action)).toEqual(['deleted', 'updated', 'created']);
    const [deleted, updated, createdEvent] = events;
    expect(createdEvent).toMatchObject({ actor: `staff:${adminId}`, actor_name: 'admin', old_value: null, new_value: { priority: 100, condition: nearRoad.condition } });
    expect(updated).toMatchObject({ old_value: { priority: 100 }, new_value: { priority: 200, condition: { kind: 'in_kecamatan' } } });
    expect(deleted).toMatchObject({ old_value: { priority: 200 }, new_value: null });
    await expect(t.db.query(sql`DELETE FROM routing_rule_events`)).rejects.toThrow(/append-only/);
  });

  it('refuses rules naming what does not exist, or a polygon rule on a layer of lines', async () => {
    const refuse = async (body: object, code: string) => {
      const res = await inject('POST', '/api/routing/rules', { ...nearRoad, ...body });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error.code).toBe(code);
    };
    await refuse({ categories: ['jalan_rusak', 'naga'] }, 'UNKNOWN_CATEGORY');
    await refuse({ condition: { kind: 'in_kelurahan', codes: ['36.71.01.9999'] } }, 'UNKNOWN_AREA');
    await refuse({ condition: { kind: 'near_layer', layer: 'tidak-ada', distance_m: 10 } }, 'UNKNOWN_LAYER');
    await refuse({ condition: { kind: 'in_layer', layer: 'jalan-uji' } }, 'LAYER_HAS_NO_POLYGONS');
    await refuse({ department: 'dinas-naga' }, 'UNKNOWN_DEPARTMENT');
    const shape = await inject('POST', '/api/routing/rules', { ...nearRoad, condition: { kind: 'near_layer', layer: 'jalan-uji' } });
    expect(shape.statusCode).toBe(400);
    const [{ n }] = await t.db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM routing_rules`);
    expect(n).toBe(0);
  });

  it('lets officers read and preview but only admins change rules', async () => {
    const officer = await signIn(t.app, t.db, { role: 'department_officer', departmentCode: 'tgr-pupr' });
    expect((await inject('POST', '/api/routing/rules', nearRoad, officer.headers)).statusCode).toBe(403);
    expect((await inject('GET', '/api/routing/rules', undefined, officer.headers)).statusCode).toBe(200);
    expect((await inject('POST', '/api/routing/preview', { ...onRoad, category: 'sampah' }, officer.headers)).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/routing/preview', payload: { ...onRoad, category: 'sampah' } })).statusCode).toBe(401);
  });

  it('previews exactly what a submitted report then stores, and stores nothing itself', async () => {
    const rule = (await inject('POST', '/api/routing/rules', nearRoad)).json();
    const [{ before }] = await t.db.query<{ before: number }>(sql`SELECT count(*)::int AS before FROM reports`);
    const preview = await inject('POST', '/api/routing/preview', { ...onRoad, category: 'jalan_rusak' });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({
      department_code: 'tgr-dishub',
      department: { code: 'tgr-dishub', level: 'city' },
      routing_explanation: {
        kelurahan: { rule: 'contains' },
        department: { rule: 'routing_rule', matched_rule: { id: rule.id }, feature: { layer: 'jalan-uji', id: 'jalan-uji' } },
      },
    });
    const [{ after }] = await t.db.query<{ after: number }>(sql`SELECT count(*)::int AS after FROM reports`);
    expect(after).toBe(before);

    const submitted = await t.app.inject({
      method: 'POST', url: '/api/reports',
      payload: { ...onRoad, category: 'jalan_rusak', description: 'Jalan berlubang besar di depan toko' },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const [stored] = await t.db.query<{ department_code: string; kelurahan_code: string; routing_explanation: unknown }>(sql`
      SELECT department_code, kelurahan_code, routing_explanation FROM reports WHERE code = ${submitted.json().code}`);
    expect(stored).toEqual({
      department_code: preview.json().department_code,
      kelurahan_code: preview.json().kelurahan_code,
      routing_explanation: preview.json().routing_explanation,
    });
  });

  it('names the kelurahan and kecamatan an area rule may name', async () => {
    const res = await inject('GET', '/api/routing/areas');
    expect(res.statusCode, res.body).toBe(200);
    const { kelurahan, kecamatan } = res.json();
    expect(kelurahan).toContainEqual({ code: '36.71.01.1001', name: 'Sukarasa', kecamatan_code: '36.71.01' });
    expect(kecamatan).toContainEqual(expect.objectContaining({ code: '36.71.01', city_code: '36.71' }));
    const [{ n }] = await t.db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM kelurahan`);
    expect(kelurahan).toHaveLength(n);
  });

  it('answers an unknown category with UNKNOWN_CATEGORY and a point outside both cities with OUTSIDE_SERVICE_AREA', async () => {
    expect((await inject('POST', '/api/routing/preview', { ...onRoad, category: 'naga' })).json().error.code).toBe('UNKNOWN_CATEGORY');
    expect((await inject('POST', '/api/routing/preview', { lat: -6.91, lon: 107.61, category: 'sampah' })).json().error.code).toBe('OUTSIDE_SERVICE_AREA');
  });
});
