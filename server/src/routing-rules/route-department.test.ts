import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { importLayer } from '../layers/import.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { routeReport } from './route-report.ts';
import { createRule } from './rules.ts';
import type { NewRule } from './schemas.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());
beforeEach(async () => {
  await t.db.query(sql`DELETE FROM routing_rules`);
  await t.db.query(sql`DELETE FROM layers`);
});

type Point = { lon: number; lat: number };

/**
 * Routes like a report (route-report.ts): the kelurahan by route_kelurahan, then the department
 * by the rules (route_department.sql), whose part of the explanation these tests read.
 */
async function route(p: Point, categoryCode: string) {
  const routed = await routeReport(t.db, p.lon, p.lat, categoryCode);
  return { ...routed, explanation: routed.explanation.department };
}

const rule = (r: Partial<NewRule> & Pick<NewRule, 'condition' | 'department'>) =>
  createRule(t.db, { name: 'test rule', priority: 100, ...r }, 'test');

const labelPoint = async (kelurahanCode: string): Promise<Point> => {
  const [p] = await t.db.query<Point>(sql`SELECT ST_X(label_point) AS lon, ST_Y(label_point) AS lat FROM kelurahan WHERE code = ${kelurahanCode}`);
  return p;
};

/** A point `metres` due north of `from`, on the spheroid. */
const north = async (from: Point, metres: number): Promise<Point> => {
  const [p] = await t.db.query<Point>(sql`
    SELECT ST_X(q::geometry) AS lon, ST_Y(q::geometry) AS lat
    FROM ST_Project(ST_SetSRID(ST_MakePoint(${from.lon}, ${from.lat}), 4326)::geography, ${metres}::float8, 0::float8) AS q`);
  return p;
};

// An east–west line through Kota Tangerang (Cibodas to Babakan), and a square around Sukasari's label point.
const line = { type: 'FeatureCollection', features: [{
  type: 'Feature', id: 'jalan-uji', properties: { name: 'Jalan Uji' },
  geometry: { type: 'LineString', coordinates: [[106.600, -6.190], [106.640, -6.190]] },
}] };
const squareAround = (p: Point, d = 0.001) => ({ type: 'FeatureCollection', features: [{
  type: 'Feature', id: 'pasar-uji', properties: { name: 'Pasar Uji' },
  geometry: { type: 'Polygon', coordinates: [[[p.lon - d, p.lat - d], [p.lon + d, p.lat - d], [p.lon + d, p.lat + d], [p.lon - d, p.lat + d], [p.lon - d, p.lat - d]]] },
}] });

describe('routing rules', () => {
  it('falls back to the category default department when no rule applies', async () => {
    const routed = await route(await labelPoint('36.71.01.1007'), 'sampah');
    expect(routed.departmentCode).toBe('tgr-dlh');
    // Exactly as explained before rules existed, so old and new default explanations read alike.
    expect(routed.explanation).toEqual({ code: 'tgr-dlh', rule: 'category_default', category: 'sampah' });
  });

  it('sends a point in a listed kelurahan to the rule department, and a point elsewhere to the default', async () => {
    const r = await rule({ condition: { kind: 'in_kelurahan', codes: ['36.71.01.1007'] }, department: 'tgr-satpolpp' });
    const inside = await route(await labelPoint('36.71.01.1007'), 'sampah');
    expect(inside.departmentCode).toBe('tgr-satpolpp');
    expect(inside.explanation).toMatchObject({
      rule: 'routing_rule', matched_rule: { id: r.id, condition: 'in_kelurahan', area_codes: ['36.71.01.1007'] },
    });
    const elsewhere = await route(await labelPoint('36.71.01.1008'), 'sampah');
    expect(elsewhere.departmentCode).toBe('tgr-dlh');
    expect(elsewhere.explanation.considered).toEqual([expect.objectContaining({ rule_id: r.id, matched: false })]);
  });

  it('sends a point in a listed kecamatan to the rule department', async () => {
    await rule({ condition: { kind: 'in_kecamatan', codes: ['36.71.05'] }, department: 'tgr-perkim' });
    expect((await route(await labelPoint('36.71.05.1004'), 'banjir')).departmentCode).toBe('tgr-perkim');
    expect((await route(await labelPoint('36.71.01.1004'), 'banjir')).departmentCode).toBe('tgr-bpbd');
  });

  it('sends a point inside a layer polygon to the rule department and names the feature', async () => {
    const centre = await labelPoint('36.71.01.1007');
    await importLayer(t.db, { name: 'pasar-uji', collection: squareAround(centre), actor: 'test' });
    await rule({ condition: { kind: 'in_layer', layer: 'pasar-uji' }, department: 'tgr-satpolpp', responsible_unit: 'Kantor pasar' });
    const inside = await route(centre, 'sampah');
    expect(inside).toMatchObject({ departmentCode: 'tgr-satpolpp', responsibleUnit: 'Kantor pasar' });
    expect(inside.explanation.feature).toEqual({ layer: 'pasar-uji', id: 'pasar-uji', name: 'Pasar Uji', distance_m: 0 });
    expect(inside.explanation.responsible_unit).toBe('Kantor pasar');
    // 0.001° ≈ 110 m from the centre is the edge; 200 m north is outside.
    const outside = await route(await north(centre, 200), 'sampah');
    expect(outside.departmentCode).toBe('tgr-dlh');
    expect(outside.responsibleUnit).toBeUndefined();
  });

  it('matches within D metres of a layer feature and not beyond, in geodesic metres', async () => {
    await importLayer(t.db, { name: 'jalan-uji', collection: line, actor: 'test' });
    const r = await rule({ categories: ['jalan_rusak'], condition: { kind: 'near_layer', layer: 'jalan-uji', distance_m: 50 }, department: 'tgr-dishub' });
    const onLine = { lon: 106.620, lat: -6.190 };
    const under = await route(await north(onLine, 49), 'jalan_rusak');
    expect(under.departmentCode).toBe('tgr-dishub');
    expect(under.explanation.feature).toEqual({ layer: 'jalan-uji', id: 'jalan-uji', name: 'Jalan Uji', distance_m: 49 });
    expect(under.explanation.matched_rule).toMatchObject({ id: r.id, condition: 'near_layer', layer: 'jalan-uji', within_m: 50 });

    const over = await route(await north(onLine, 51), 'jalan_rusak');
    expect(over.departmentCode).toBe('tgr-pupr');
    expect(over.explanation.rule).toBe('category_default');
    // The unmatched rule still says how far the nearest feature was.
    expect(over.explanation.considered).toEqual([expect.objectContaining({
      rule_id: r.id, matched: false, within_m: 50, distance_m: 51, feature: expect.objectContaining({ id: 'jalan-uji' }),
    })]);
  });

  it('lets the highest priority win, then the older rule, and skips inactive rules', async () => {
    const p = await labelPoint('36.71.01.1007');
    const low = await rule({ priority: 10, condition: { kind: 'in_kelurahan', codes: ['36.71.01.1007'] }, department: 'tgr-perkim' });
    const highOld = await rule({ priority: 50, condition: { kind: 'in_kecamatan', codes: ['36.71.01'] }, department: 'tgr-satpolpp' });
    const highNew = await rule({ priority: 50, condition: { kind: 'in_kelurahan', codes: ['36.71.01.1007'] }, department: 'tgr-dishub' });
    const inactive = await rule({ priority: 900, condition: { kind: 'in_kecamatan', codes: ['36.71.01'] }, department: 'tgr-bpbd', is_active: false });
    const routed = await route(p, 'sampah');
    expect(routed.departmentCode).toBe('tgr-satpolpp');
    expect(routed.explanation.matched_rule?.id).toBe(highOld.id);
    expect(routed.explanation.considered?.map((c) => [c.rule_id, c.matched])).toEqual([
      [highOld.id, true], [highNew.id, true], [low.id, true],
    ]);
    expect(routed.explanation.considered?.some((c) => c.rule_id === inactive.id)).toBe(false);
  });

  it('hands a report to a kelurahan desk, naming it, with the department from the rule or else the category default', async () => {
    const centre = await labelPoint('36.71.01.1007');
    await importLayer(t.db, { name: 'pasar-uji', collection: squareAround(centre), actor: 'test' });
    const deskOnly = await rule({ condition: { kind: 'in_layer', layer: 'pasar-uji' }, department: null, target_kelurahan: '36.71.01.1001' });
    const atMarket = await route(centre, 'sampah');
    expect(atMarket).toMatchObject({ departmentCode: 'tgr-dlh', handlingKelurahanCode: '36.71.01.1001' });
    expect(atMarket.explanation).toMatchObject({
      code: 'tgr-dlh', rule: 'routing_rule', matched_rule: { id: deskOnly.id }, handling_kelurahan: { code: '36.71.01.1001', name: 'Sukarasa' },
    });
    expect(atMarket.explanation.considered).toEqual([expect.objectContaining({ rule_id: deskOnly.id, matched: true, kelurahan_desk: '36.71.01.1001' })]);
    expect(atMarket.explanation.considered?.[0]).not.toHaveProperty('department');

    const both = await rule({ priority: 200, categories: ['jalan_rusak'], condition: { kind: 'in_layer', layer: 'pasar-uji' },
      department: 'tgr-satpolpp', target_kelurahan: '36.71.01.1001' });
    expect(await route(centre, 'jalan_rusak')).toMatchObject({ departmentCode: 'tgr-satpolpp', handlingKelurahanCode: '36.71.01.1001',
      explanation: { matched_rule: { id: both.id } } });
    // Outside the market no rule matches: no desk is named, the kelurahan it lies in handles it.
    const outside = await route(await north(centre, 200), 'sampah');
    expect(outside.handlingKelurahanCode).toBeUndefined();
    expect(outside.explanation).not.toHaveProperty('handling_kelurahan');
  });

  it('applies a rule only to its categories and its city', async () => {
    const p = await labelPoint('36.71.01.1007');
    const roads = await rule({ categories: ['jalan_rusak'], condition: { kind: 'in_kecamatan', codes: ['36.71.01'] }, department: 'tgr-satpolpp' });
    await rule({ city: '36.74', condition: { kind: 'in_kecamatan', codes: ['36.71.01'] }, department: 'tgr-perkim' });
    expect((await route(p, 'jalan_rusak')).departmentCode).toBe('tgr-satpolpp');
    const other = await route(p, 'sampah');
    expect(other.departmentCode).toBe('tgr-dlh');
    expect(other.explanation.considered).toBeUndefined();
    expect((await route(p, 'jalan_rusak')).explanation.considered?.map((c) => c.rule_id)).toEqual([roads.id]);
  });
});
