import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { signIn, type SignedIn } from '../test/staff.ts';
import { outcomeStatuses, transitions, type Status } from './transitions.ts';

let t: TestApp;
let admin: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, t.db, { role: 'admin' });
});
afterAll(() => t?.close());

async function newReport(category = 'jalan_rusak', lon = 106.632, lat = -6.17): Promise<string> {
  const res = await t.app.inject({
    method: 'POST', url: '/api/reports',
    payload: { category, description: 'Jalan berlubang besar di depan sekolah', lon, lat, reporter: { email: 'warga@example.org' } },
  });
  return res.json().code;
}

const setStatus = (code: string, status: Status) =>
  t.db.query(sql`
    UPDATE reports SET status = ${status},
      resolved_at = CASE WHEN ${status} = 'resolved' THEN now() END,
      outcome_at = CASE WHEN ${status} = ANY(${[...outcomeStatuses]}) THEN now() END
    WHERE code = ${code}`);

const move = (code: string, to: string, who: SignedIn, extra: object = {}) =>
  t.app.inject({ method: 'POST', url: `/api/reports/${code}/status`, headers: who.headers, payload: { to, ...extra } });

const statuses: Status[] = [
  'submitted', 'published', 'rejected', 'assigned', 'in_progress', 'resolved', 'closed', 'duplicate', ...outcomeStatuses,
];
const targets = ['published', 'rejected', 'assigned', 'in_progress', 'resolved', 'closed', ...outcomeStatuses] as const;

describe('the report lifecycle', () => {
  const cases = statuses.flatMap((from) => targets.map((to) => [from, to] as const));
  it.each(cases)('%s → %s is allowed exactly when the lifecycle says so', async (from, to) => {
    const code = await newReport();
    await setStatus(code, from);
    const res = await move(code, to, admin, { reason: 'alasan uji', response: 'Sudah ditambal oleh tim.', agency: 'BBPJN Banten' });
    const allowed = transitions.some((tr) => tr.from === from && tr.to === to);
    if (allowed) {
      expect(res.statusCode, res.body).toBe(200);
      const [r] = await t.db.query<{ status: string }>(sql`SELECT status FROM reports WHERE code = ${code}`);
      expect(r.status).toBe(to);
    } else {
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('INVALID_TRANSITION');
      expect(res.json().error.details.allowed).toEqual(transitions.filter((tr) => tr.from === from).map((tr) => tr.to));
      const [r] = await t.db.query<{ status: string }>(sql`SELECT status FROM reports WHERE code = ${code}`);
      expect(r.status).toBe(from);
    }
  });

  it('audits each change with actor, old and new values and the public response', async () => {
    const code = await newReport();
    expect((await move(code, 'assigned', admin)).statusCode).toBe(200);
    expect((await move(code, 'resolved', admin, { response: 'Lubang sudah ditambal pada 20 November.' })).statusCode).toBe(200);
    const events = await t.db.query<{ kind: string; actor: string; old_value: unknown; new_value: unknown; reason: string | null }>(sql`
      SELECT kind, actor, old_value, new_value, reason FROM report_events e JOIN reports r ON r.id = e.report_id
      WHERE r.code = ${code} AND kind = 'status_changed' ORDER BY e.id`);
    expect(events).toEqual([
      { kind: 'status_changed', actor: expect.stringMatching(/^staff:\d+$/), old_value: { status: 'published' }, new_value: { status: 'assigned' }, reason: null },
      { kind: 'status_changed', actor: expect.stringMatching(/^staff:\d+$/), old_value: { status: 'assigned' }, new_value: { status: 'resolved' }, reason: 'Lubang sudah ditambal pada 20 November.' },
    ]);
    const page = (await t.app.inject({ method: 'GET', url: `/api/reports/${code}` })).json();
    expect(page.status).toBe('resolved');
    expect(page.timeline.at(-1)).toMatchObject({ status: 'resolved', note: 'Lubang sudah ditambal pada 20 November.' });
  });

  it('requires a reason to reject and a response to resolve', async () => {
    const code = await newReport();
    expect((await move(code, 'resolved', admin)).json().error.code).toBe('RESPONSE_REQUIRED');
    expect((await move(code, 'rejected', admin)).json().error.code).toBe('REASON_REQUIRED');
  });

  it('refuses an outcome without what it must carry, each with its own code, and changes nothing', async () => {
    const code = await newReport();
    const refusal = async (to: string, extra: object) => {
      const res = await move(code, to, admin, extra);
      expect(res.statusCode, res.body).toBe(400);
      return res.json().error.code;
    };
    const explanation = 'Jalan ini jalan nasional, dipelihara oleh BBPJN.';
    expect(await refusal('referred', { response: explanation })).toBe('AGENCY_REQUIRED');
    expect(await refusal('referred', { response: explanation, agency: '   ' })).toBe('AGENCY_REQUIRED');
    expect(await refusal('referred', { agency: 'BBPJN Banten' })).toBe('RESPONSE_REQUIRED');
    expect(await refusal('cannot_fix', { response: 'Tidak dapat kami perbaiki.' })).toBe('REASON_REQUIRED');
    expect(await refusal('cannot_fix', { reason: 'Lahan milik pribadi' })).toBe('RESPONSE_REQUIRED');
    expect(await refusal('no_action_needed', { reason: 'tidak ada masalah' })).toBe('RESPONSE_REQUIRED');
    expect(await refusal('referred', { response: explanation, agency: 'x'.repeat(201) })).toBe('VALIDATION_FAILED');
    const [r] = await t.db.query<{ status: string; outcome_at: Date | null }>(sql`SELECT status, outcome_at FROM reports WHERE code = ${code}`);
    expect(r).toEqual({ status: 'published', outcome_at: null });
  });

  it('shows a referral with its agency and explanation on the public page, and records when it was given', async () => {
    const code = await newReport();
    const res = await move(code, 'referred', admin, {
      agency: 'BBPJN Banten (Kementerian PU)', response: 'Jalan Daan Mogot adalah jalan nasional; laporan diteruskan ke BBPJN.',
    });
    expect(res.statusCode, res.body).toBe(200);
    const page = (await t.app.inject({ method: 'GET', url: `/api/reports/${code}` })).json();
    expect(page.status).toBe('referred');
    expect(page.timeline.at(-1)).toMatchObject({
      kind: 'status_changed', status: 'referred', agency: 'BBPJN Banten (Kementerian PU)', outcome_reason: null,
      note: 'Jalan Daan Mogot adalah jalan nasional; laporan diteruskan ke BBPJN.',
    });
    const [r] = await t.db.query<{ resolved_at: Date | null; outcome: boolean }>(sql`
      SELECT resolved_at, outcome_at IS NOT NULL AS outcome FROM reports WHERE code = ${code}`);
    expect(r).toEqual({ resolved_at: null, outcome: true });

    const unfixable = await newReport();
    await move(unfixable, 'cannot_fix', admin, { reason: 'Lahan milik pribadi', response: 'Kami sudah menyurati pemiliknya.' });
    const other = (await t.app.inject({ method: 'GET', url: `/api/reports/${unfixable}` })).json();
    expect(other.timeline.at(-1)).toMatchObject({ status: 'cannot_fix', outcome_reason: 'Lahan milik pribadi', agency: null });
  });

  it('takes a referred report back to the desk with a new deadline when the agency returns it', async () => {
    const code = await newReport();
    await move(code, 'referred', admin, { agency: 'BBPJN Banten', response: 'Diteruskan ke BBPJN.' });
    await t.db.query(sql`UPDATE reports SET due_at = due_at - interval '30 days' WHERE code = ${code}`);
    expect((await move(code, 'assigned', admin)).statusCode).toBe(200);
    const [r] = await t.db.query<{ status: string; outcome_at: Date | null; overdue: boolean }>(sql`
      SELECT status, outcome_at, due_at < now() AS overdue FROM reports WHERE code = ${code}`);
    expect(r).toEqual({ status: 'assigned', outcome_at: null, overdue: false });
  });

  it('keeps roles to their part: a moderator cannot resolve, a planner cannot act at all', async () => {
    const code = await newReport();
    const moderator = await signIn(t.app, t.db, { role: 'moderator' });
    const res = await move(code, 'resolved', moderator, { response: 'x' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('TRANSITION_NOT_ALLOWED_FOR_ROLE');
    const planner = await signIn(t.app, t.db, { role: 'planner' });
    expect((await move(code, 'assigned', planner)).statusCode).toBe(403);
  });

  it("lets an officer act on their own desk's reports only, and hides other desks' reports", async () => {
    const ours = await newReport('jalan_rusak', 106.632, -6.17); // tgr-pupr
    const theirs = await newReport('sampah', 106.632, -6.17); // tgr-dlh
    const pupr = await signIn(t.app, t.db, { role: 'department_officer', departmentCode: 'tgr-pupr' });
    expect((await move(ours, 'assigned', pupr)).statusCode).toBe(200);
    const other = await move(theirs, 'assigned', pupr);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('REPORT_NOT_FOUND');
    const kelurahan = await signIn(t.app, t.db, { role: 'kelurahan_officer', kelurahanCode: '36.71.01.1001' });
    expect((await move(theirs, 'assigned', kelurahan)).statusCode).toBe(200);
  });
});

describe('reopening by the reporter', () => {
  async function resolved(): Promise<{ code: string; token: string }> {
    const res = await t.app.inject({
      method: 'POST', url: '/api/reports',
      payload: { category: 'lampu_jalan', description: 'Lampu jalan mati sejak seminggu', lon: 106.632, lat: -6.17 },
    });
    const { code, resident_token: token } = res.json();
    await move(code, 'resolved', admin, { response: 'Lampu sudah diganti.' });
    return { code, token };
  }
  const reopen = (code: string, token: string) =>
    t.app.inject({ method: 'POST', url: `/api/reports/${code}/reopen`, payload: { resident_token: token, reason: 'Lampu mati lagi' } });

  it('sends a resolved report back to its desk when the reporter reopens it in time', async () => {
    const { code, token } = await resolved();
    expect((await reopen(code, token)).statusCode).toBe(200);
    const page = (await t.app.inject({ method: 'GET', url: `/api/reports/${code}` })).json();
    expect(page.status).toBe('assigned');
    expect(page.timeline.at(-1)).toMatchObject({ kind: 'reopened', note: 'Lampu mati lagi' });
  });

  it('lets the reporter reopen a report found impossible to fix or needing no action, but not a referred one', async () => {
    for (const [to, extra, reopens] of [
      ['cannot_fix', { reason: 'Lahan milik pribadi' }, true],
      ['no_action_needed', {}, true],
      ['referred', { agency: 'PLN UP3 Cikokol' }, false],
    ] as const) {
      const res = await t.app.inject({
        method: 'POST', url: '/api/reports',
        payload: { category: 'lampu_jalan', description: 'Lampu jalan mati sejak seminggu', lon: 106.632, lat: -6.17 },
      });
      const { code, resident_token: token } = res.json();
      expect((await move(code, to, admin, { response: 'Penjelasan untuk warga.', ...extra })).statusCode).toBe(200);
      const reopened = await reopen(code, token);
      if (reopens) {
        expect(reopened.statusCode, to).toBe(200);
        const page = (await t.app.inject({ method: 'GET', url: `/api/reports/${code}` })).json();
        expect(page.status).toBe('assigned');
      } else {
        expect(reopened.statusCode, to).toBe(409);
        expect(reopened.json().error.code).toBe('INVALID_TRANSITION');
      }
    }
  });

  it('closes the reopen window of an outcome as that of a resolution', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/reports',
      payload: { category: 'lampu_jalan', description: 'Lampu jalan mati sejak seminggu', lon: 106.632, lat: -6.17 },
    });
    const { code, resident_token: token } = res.json();
    await move(code, 'no_action_needed', admin, { response: 'Lampu menyala saat diperiksa.' });
    await t.db.query(sql`UPDATE reports SET outcome_at = now() - interval '15 days' WHERE code = ${code}`);
    expect((await reopen(code, token)).json().error.code).toBe('REOPEN_WINDOW_PASSED');
  });

  it('refuses someone without the token, and the reporter after the window', async () => {
    const { code, token } = await resolved();
    expect((await reopen(code, 'not-the-token-at-all')).json().error.code).toBe('INVALID_RESIDENT_TOKEN');
    await t.db.query(sql`UPDATE reports SET resolved_at = now() - interval '15 days' WHERE code = ${code}`);
    const late = await reopen(code, token);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('REOPEN_WINDOW_PASSED');
  });
});
