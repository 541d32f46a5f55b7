import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { signIn, type SignedIn } from '../test/staff.ts';

// A rule hands the reports of Kelurahan Sukasari to Kelurahan Sukarasa's desk: Sukarasa's officer
// sees and handles them, Sukasari's no longer does, and the report still lies (and is counted)
// in Sukasari.
const sukasari = '36.71.01.1007';
const sukarasa = '36.71.01.1001';

let t: TestApp;
let admin: SignedIn;
let sukasariDesk: SignedIn;
let sukarasaDesk: SignedIn;
let at: { lon: number; lat: number };
beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, t.db, { role: 'admin' });
  sukasariDesk = await signIn(t.app, t.db, { role: 'kelurahan_officer', kelurahanCode: sukasari });
  sukarasaDesk = await signIn(t.app, t.db, { role: 'kelurahan_officer', kelurahanCode: sukarasa });
  [at] = await t.db.query<{ lon: number; lat: number }>(sql`
    SELECT ST_X(label_point) AS lon, ST_Y(label_point) AS lat FROM kelurahan WHERE code = ${sukasari}`);
});
afterAll(() => t?.close());

const post = (url: string, payload: unknown, headers: Record<string, string> = admin.headers) =>
  t.app.inject({ method: 'POST', url, headers, payload: payload as object });
const rule = { name: 'Sukasari ke meja Sukarasa', priority: 10, condition: { kind: 'in_kelurahan', codes: [sukasari] } };

async function fileReport() {
  const res = await post('/api/reports', { ...at, category: 'sampah', description: 'Sampah menumpuk di depan pasar' }, {});
  expect(res.statusCode, res.body).toBe(201);
  return res.json().code as string;
}
const deskCodes = async (desk: SignedIn) =>
  (await t.app.inject({ method: 'GET', url: '/api/console/reports', headers: desk.headers })).json().reports.map((r: { code: string }) => r.code);

describe('a rule that hands reports to a kelurahan desk', () => {
  it('refuses a rule with no department and no kelurahan desk, and an unknown kelurahan', async () => {
    const none = await post('/api/routing/rules', { ...rule, department: null });
    expect(none.statusCode, none.body).toBe(422);
    expect(none.json().error.code).toBe('RULE_WITHOUT_TARGET');
    const unknown = await post('/api/routing/rules', { ...rule, target_kelurahan: '36.71.01.1999' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.code).toBe('UNKNOWN_KELURAHAN');
    const malformed = await post('/api/routing/rules', { ...rule, target_kelurahan: 'Sukarasa' });
    expect(malformed.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('previews the move of a filed report to the desk, then saves and audits the rule', async () => {
    const before = await fileReport();
    const preview = await post('/api/routing/rules/preview', { ...rule, target_kelurahan: sukarasa });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().reports).toEqual([expect.objectContaining({
      code: before, from_department: expect.objectContaining({ code: 'tgr-dlh' }), to_department: expect.objectContaining({ code: 'tgr-dlh' }),
      from_kelurahan_desk: null, to_kelurahan_desk: { code: sukarasa, name: 'Sukarasa' },
    })]);

    const created = await post('/api/routing/rules', { ...rule, target_kelurahan: sukarasa });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ department: null, target_kelurahan: sukarasa });
    const events = await t.app.inject({ method: 'GET', url: `/api/routing/rules/events?rule_id=${created.json().id}`, headers: admin.headers });
    expect(events.json().events[0]).toMatchObject({ action: 'created', new_value: { target_kelurahan: sukarasa, department: null } });

    // The rule moves nothing filed before it until open reports are re-routed.
    expect(await deskCodes(sukasariDesk)).toContain(before);
    const moved = await post('/api/routing/reroute', { dry_run: false });
    expect(moved.json().reports).toEqual([expect.objectContaining({
      code: before, old_department: 'tgr-dlh', new_department: 'tgr-dlh', old_handling_kelurahan: null, new_handling_kelurahan: sukarasa,
    })]);
    expect(await deskCodes(sukarasaDesk)).toContain(before);
    expect(await deskCodes(sukasariDesk)).not.toContain(before);
  });

  it('puts a new report on the named desk\'s inbox, not the desk where it lies, and keeps its location kelurahan', async () => {
    const code = await fileReport();
    const [stored] = await t.db.query(sql`SELECT kelurahan_code, handling_kelurahan_code, department_code FROM reports WHERE code = ${code}`);
    expect(stored).toEqual({ kelurahan_code: sukasari, handling_kelurahan_code: sukarasa, department_code: 'tgr-dlh' });
    expect(await deskCodes(sukarasaDesk)).toContain(code);
    expect(await deskCodes(sukasariDesk)).not.toContain(code);

    const detail = await t.app.inject({ method: 'GET', url: `/api/console/reports/${code}`, headers: sukarasaDesk.headers });
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json().routing_explanation.department.handling_kelurahan).toEqual({ code: sukarasa, name: 'Sukarasa' });
    expect((await t.app.inject({ method: 'GET', url: `/api/console/reports/${code}`, headers: sukasariDesk.headers })).statusCode).toBe(404);

    const point = await post('/api/routing/preview', { ...at, category: 'sampah' }, sukarasaDesk.headers);
    expect(point.json()).toMatchObject({ kelurahan_code: sukasari, handling_kelurahan_code: sukarasa });
  });

  it('gives the report back to the desk where it lies when the rule is deleted and open reports are re-routed', async () => {
    const [{ id }] = await t.db.query<{ id: number }>(sql`SELECT id::int FROM routing_rules WHERE name = ${rule.name}`);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/routing/rules/${id}`, headers: admin.headers })).statusCode).toBe(204);
    const back = await post('/api/routing/reroute', { dry_run: false });
    expect(back.json().reports.map((r: { new_handling_kelurahan: string | null }) => r.new_handling_kelurahan)).toEqual([null, null]);
    const [{ n }] = await t.db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM reports WHERE handling_kelurahan_code IS NOT NULL`);
    expect(n).toBe(0);
    expect(await deskCodes(sukasariDesk)).toHaveLength(2);
  });
});
