import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertConstructedReport, twoKelurahan } from '../deadlines/test-fixtures.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { signIn, type SignedIn } from '../test/staff.ts';

let t: TestApp;
let officer: SignedIn;
let planner: SignedIn;

const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();

beforeAll(async () => {
  t = await createTestApp();
  officer = await signIn(t.app, t.db, { role: 'department_officer', departmentCode: 'tgr-dlh' });
  planner = await signIn(t.app, t.db, { role: 'planner' });
  const { tangerang } = await twoKelurahan(t.db);
  // sampah in Kota Tangerang: all to tgr-dlh. Times in days after submission.
  const plant = (code: string, createdDaysAgo: number, r: { status?: string; dueAfter: number; resolvedAfter?: number; outcomeAfter?: number }) =>
    insertConstructedReport(t.db, {
      code, kelurahanCode: tangerang, status: r.status, createdAt: daysAgo(createdDaysAgo),
      dueAt: daysAgo(createdDaysAgo - r.dueAfter),
      resolvedAt: r.resolvedAfter === undefined ? null : daysAgo(createdDaysAgo - r.resolvedAfter),
      outcomeAt: r.outcomeAfter === undefined ? null : daysAgo(createdDaysAgo - r.outcomeAfter),
    });
  await plant('TGR-SVC001', 1, { dueAfter: 3 });                                         // open, not yet due
  await plant('TGR-SVC002', 8, { status: 'assigned', dueAfter: 3 });                    // open, overdue
  await plant('TGR-SVC003', 10, { status: 'resolved', dueAfter: 3, resolvedAfter: 2 }); // on time, 2 days
  await plant('TGR-SVC004', 20, { status: 'resolved', dueAfter: 3, resolvedAfter: 6 }); // late, 6 days
  await plant('TGR-SVC005', 30, { status: 'closed', dueAfter: 5, resolvedAfter: 4 });   // on time, 4 days
  await plant('TGR-SVC006', 12, { status: 'rejected', dueAfter: 3 });                   // no deadline counts
  await plant('TGR-SVC008', 15, { status: 'referred', dueAfter: 3, outcomeAfter: 5 });   // neither on time nor late
  await plant('TGR-SVC007', 200, { status: 'resolved', dueAfter: 3, resolvedAfter: 50 }); // before the period
});
afterAll(() => t?.close());

const view = (query = '', as: SignedIn = officer) =>
  t.app.inject({ method: 'GET', url: `/api/service/departments${query}`, headers: as.headers });

describe('GET /api/service/departments', () => {
  it('counts open and overdue reports now, and the median days to resolve and share on time of the period', async () => {
    const res = await view();
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.days).toBe(90);
    expect(body.departments.find((d: { code: string }) => d.code === 'tgr-dlh')).toEqual({
      code: 'tgr-dlh', name: expect.stringContaining('Lingkungan Hidup'), short_name: expect.any(String), city_name: expect.any(String),
      open: 2, overdue: 1,
      // 2, 4 and 6 days; the report of 200 days ago is outside the period.
      median_days_to_resolve: 4, resolved: 3,
      // on time: 003 and 005; late: 004 resolved late and 002 open past its deadline.
      on_time_rate: 0.5,
    });
    expect(body.departments.find((d: { code: string }) => d.code === 'tsl-dlh')).toMatchObject({
      open: 0, overdue: 0, median_days_to_resolve: null, resolved: 0, on_time_rate: null,
    });
  });

  it('takes a period in days: 365 days count the report of 200 days ago', async () => {
    const dlh = (await view('?days=365')).json().departments.find((d: { code: string }) => d.code === 'tgr-dlh');
    expect(dlh).toMatchObject({ median_days_to_resolve: 5, resolved: 4, on_time_rate: 0.4 });
  });

  it('refuses a period out of range with VALIDATION_FAILED, and planners with FORBIDDEN', async () => {
    for (const q of ['?days=0', '?days=367', '?days=x']) {
      expect((await view(q)).json().error.code).toBe('VALIDATION_FAILED');
    }
    const res = await view('', planner);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });
});
