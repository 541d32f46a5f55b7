import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { routeReport } from './route-report.ts';
import { seedRoutingSamples } from './seed.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());

/** Routes like a report; the department's part of the explanation is the one these tests read. */
async function routeAt(lon: number, lat: number, categoryCode: string) {
  const routed = await routeReport(t.db, lon, lat, categoryCode);
  return { ...routed, explanation: routed.explanation.department };
}

describe('sample routing layers and rules', () => {
  it('adds the units beyond the city, the sample layers and rules once, marked as samples', async () => {
    expect(await seedRoutingSamples(t.db)).toEqual({ samplesAdded: true });
    const units = await t.db.query(sql`SELECT code, level, city_code FROM departments WHERE level <> 'city' ORDER BY code`);
    expect(units).toEqual([
      { code: 'bbws-cilicis', level: 'national', city_code: null },
      { code: 'bpjn-banten', level: 'national', city_code: null },
      { code: 'tgr-perumda-pasar', level: 'enterprise', city_code: '36.71' },
    ]);
    const layers = await t.db.query(sql`SELECT name, is_sample FROM layers ORDER BY name`);
    expect(layers).toEqual([
      { name: 'sample-jalan-nasional', is_sample: true },
      { name: 'sample-pasar', is_sample: true },
      { name: 'sample-sungai-cisadane', is_sample: true },
    ]);
    const [{ rules, events }] = await t.db.query<{ rules: number; events: number }>(sql`
      SELECT (SELECT count(*)::int FROM routing_rules) AS rules,
             (SELECT count(*)::int FROM routing_rule_events WHERE actor = 'system:seed') AS events`);
    expect({ rules, events }).toEqual({ rules: 3, events: 3 });
  });

  it('routes by the samples: a flood at the river to BBWS, trash in Pasar Anyar to Perumda Pasar, a pothole on Daan Mogot to BPJN', async () => {
    expect((await routeAt(106.6285, -6.1700, 'banjir')).departmentCode).toBe('bbws-cilicis');
    expect(await routeAt(106.6370, -6.1725, 'sampah')).toMatchObject({
      departmentCode: 'tgr-perumda-pasar', responsibleUnit: 'Kantor pengelola pasar',
      explanation: { feature: { layer: 'sample-pasar', id: 'pasar-anyar' } },
    });
    expect((await routeAt(106.6700, -6.1680, 'jalan_rusak')).departmentCode).toBe('bpjn-banten');
    expect((await routeAt(106.6700, -6.1680, 'sampah')).departmentCode).toBe('tgr-dlh');
  });

  it('does not add samples again, even after one was deleted', async () => {
    await t.db.query(sql`DELETE FROM routing_rules WHERE department_code = 'bbws-cilicis'`);
    expect(await seedRoutingSamples(t.db)).toEqual({ samplesAdded: false });
    const [{ n }] = await t.db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM routing_rules`);
    expect(n).toBe(2);
  });
});
