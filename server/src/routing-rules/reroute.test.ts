import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { signIn, type SignedIn } from '../test/staff.ts';

let t: TestApp;
let admin: SignedIn;
let moderator: SignedIn;
const codes: Record<string, string> = {};

type Row = { department_code: string; routing_explanation: { kelurahan: unknown; department: { rule: string; code: string } } };
const report = async (code: string) =>
  (await t.db.query<Row>(sql`SELECT department_code, routing_explanation FROM reports WHERE code = ${code}`))[0];
const rerouteEvents = (code: string) => t.db.query<{ actor: string; old_value: unknown; new_value: { department: string; explanation: { rule: string } }; is_public: boolean }>(sql`
  SELECT e.actor, e.old_value, e.new_value, e.is_public
  FROM report_events e JOIN reports r ON r.id = e.report_id
  WHERE r.code = ${code} AND e.kind = 'rerouted'`);

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, t.db, { role: 'admin' });
  moderator = await signIn(t.app, t.db, { role: 'moderator' });
  // Three trash reports in Kelurahan Sukasari (kecamatan Tangerang) and one in Cipondoh, all
  // sent to DLH by the category default, before any rule exists.
  const [sukasari] = await t.db.query<{ lon: number; lat: number }>(sql`
    SELECT ST_X(label_point) AS lon, ST_Y(label_point) AS lat FROM kelurahan WHERE code = '36.71.01.1007'`);
  const [cipondoh] = await t.db.query<{ lon: number; lat: number }>(sql`
    SELECT ST_X(label_point) AS lon, ST_Y(label_point) AS lat FROM kelurahan WHERE code = '36.71.05.1001'`);
  for (const [name, at] of [['open', sukasari], ['closed', sukasari], ['assigned', sukasari], ['elsewhere', cipondoh]] as const) {
    const res = await t.app.inject({
      method: 'POST', url: '/api/reports',
      payload: { ...at, category: 'sampah', description: `Sampah menumpuk di pinggir jalan (${name})` },
    });
    expect(res.statusCode, res.body).toBe(201);
    codes[name] = res.json().code;
  }
  await t.db.query(sql`UPDATE reports SET status = 'closed' WHERE code = ${codes.closed}`);
  await t.db.query(sql`UPDATE reports SET status = 'assigned' WHERE code = ${codes.assigned}`);

  const rule = await t.app.inject({
    method: 'POST', url: '/api/routing/rules', headers: admin.headers,
    payload: { name: 'Kecamatan Tangerang: sampah → Satpol PP', priority: 10, categories: ['sampah'],
               condition: { kind: 'in_kecamatan', codes: ['36.71.01'] }, department: 'tgr-satpolpp' },
  });
  expect(rule.statusCode, rule.body).toBe(201);
});
afterAll(() => t?.close());

const reroute = (dryRun: boolean, who = admin) =>
  t.app.inject({ method: 'POST', url: '/api/routing/reroute', headers: who.headers, payload: { dry_run: dryRun } });

describe('re-routing open reports', () => {
  it('does not move existing reports when a rule is created', async () => {
    expect((await report(codes.open)).department_code).toBe('tgr-dlh');
  });

  it('lists in a dry run the open reports whose department would change, changing nothing', async () => {
    const res = await reroute(true, moderator);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ dry_run: true, count: 2 });
    expect(res.json().reports.map((r: { code: string }) => r.code).sort()).toEqual([codes.open, codes.assigned].sort());
    expect(res.json().reports[0]).toMatchObject({ old_department: 'tgr-dlh', new_department: 'tgr-satpolpp', rule: 'routing_rule', event_id: null });
    expect((await report(codes.open)).department_code).toBe('tgr-dlh');
    expect(await rerouteEvents(codes.open)).toEqual([]);
  });

  it('lets only admins apply', async () => {
    expect((await reroute(false, moderator)).statusCode).toBe(403);
    expect((await report(codes.open)).department_code).toBe('tgr-dlh');
  });

  it('applies: moves each open report, keeps its kelurahan explanation and records a public event', async () => {
    const before = await report(codes.open);
    const res = await reroute(false);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ dry_run: false, count: 2 });

    const after = await report(codes.open);
    expect(after.department_code).toBe('tgr-satpolpp');
    expect(after.routing_explanation.kelurahan).toEqual(before.routing_explanation.kelurahan);
    expect(after.routing_explanation.department).toMatchObject({ code: 'tgr-satpolpp', rule: 'routing_rule' });
    const [{ id: adminId }] = await t.db.query<{ id: number }>(sql`
      SELECT s.id::int FROM staff s WHERE s.role = 'admin' ORDER BY s.id LIMIT 1`);
    expect(await rerouteEvents(codes.open)).toEqual([{
      actor: `staff:${adminId}`, is_public: true,
      old_value: { department: 'tgr-dlh' },
      new_value: { department: 'tgr-satpolpp', explanation: after.routing_explanation.department },
    }]);
    expect((await report(codes.assigned)).department_code).toBe('tgr-satpolpp');
    // Decided reports and reports the rule does not cover stay.
    expect((await report(codes.closed)).department_code).toBe('tgr-dlh');
    expect((await report(codes.elsewhere)).department_code).toBe('tgr-dlh');
    expect(await rerouteEvents(codes.closed)).toEqual([]);
    // The public timeline shows the move.
    const timeline = (await t.app.inject({ method: 'GET', url: `/api/reports/${codes.open}` })).json().timeline;
    expect(timeline.map((e: { kind: string }) => e.kind)).toContain('rerouted');
  });

  it('finds nothing left to move afterwards', async () => {
    expect((await reroute(true)).json()).toEqual({ dry_run: true, count: 0, reports: [] });
  });
});
