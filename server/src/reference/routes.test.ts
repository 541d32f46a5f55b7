import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('reference data', () => {
  it('lists at least 10 categories with both names, a colour and a department kind both cities have', async () => {
    const { categories } = (await t.app.inject({ method: 'GET', url: '/api/categories' })).json();
    const { departments } = (await t.app.inject({ method: 'GET', url: '/api/departments' })).json();
    expect(categories.length).toBeGreaterThanOrEqual(10);
    for (const c of categories) {
      expect(c.name_id && c.name_en && c.icon).toBeTruthy();
      expect(c.color).toMatch(/^#[0-9a-f]{6}$/);
      for (const city of ['36.71', '36.74']) {
        expect(departments.some((d: { city_code: string; kind: string }) => d.city_code === city && d.kind === c.department_kind)).toBe(true);
      }
    }
  });

  it('serves kelurahan boundaries as GeoJSON, per city on request', async () => {
    const all = (await t.app.inject({ method: 'GET', url: '/api/kelurahan' })).json();
    expect(all.features).toHaveLength(158);
    const tangsel = (await t.app.inject({ method: 'GET', url: '/api/kelurahan?city=36.74' })).json();
    expect(tangsel.features).toHaveLength(54);
    expect(tangsel.features[0].geometry.type).toBe('MultiPolygon');
    expect((await t.app.inject({ method: 'GET', url: '/api/kelurahan?city=tangsel' })).statusCode).toBe(400);
  });

  it('reports health with the database kind', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    expect(res.json()).toMatchObject({ status: 'ok', reports: 0 });
  });

  it('documents the API in OpenAPI at /docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toEqual(expect.arrayContaining(['/api/reports', '/api/reports/{code}', '/tiles/reports/{z}/{x}/{y}.mvt']));
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});
