import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { insertConstructedReport, twoKelurahan } from '../deadlines/test-fixtures.ts';
import { jobsOn, startJobs, stopJobs } from '../jobs/runner.ts';
import { eventually } from '../test/eventually.ts';
import { createMailer, type Mailer } from '../notifications/mailer.ts';
import { eventToTell } from '../notifications/queries.ts';
import { notificationQueues } from '../notifications/queues.ts';
import { startTestSmtp, type TestSmtp } from '../notifications/test-smtp.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { itNeeding, postgres } from '../test/requirements.ts';
import { escalationQueue } from './job.ts';
import { escalateOverdue } from './overdue.ts';

let t: TestDatabase;
let smtp: TestSmtp;
let mailer: Mailer;
let kelurahan: string;
const supervisor = 'kabid.kebersihan@tangerangkota.example';
const lurah = 'lurah@tangerangkota.example';

beforeAll(async () => {
  t = await createTestDatabase();
  smtp = await startTestSmtp();
  mailer = createMailer({ smtpUrl: smtp.url, mailFrom: 'PetaWarga <noreply@petawarga.example>' })!;
  kelurahan = (await twoKelurahan(t.db)).tangerang;
  // sampah in Kota Tangerang goes to its DLH.
  await t.db.query(sql`UPDATE departments SET supervisor_email = ${supervisor} WHERE code = 'tgr-dlh'`);
  // ... and its kelurahan has a supervisor of its own.
  await t.db.query(sql`UPDATE kelurahan SET supervisor_email = ${lurah} WHERE code = ${kelurahan}`);
});
afterAll(async () => {
  mailer?.close();
  await smtp?.close();
  await t?.drop();
});

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
const report = (code: string, r: { status?: string; dueAt: string; resolvedAt?: string }) =>
  insertConstructedReport(t.db, { code, kelurahanCode: kelurahan, createdAt: hoursAgo(200), ...r });

const escalations = (reportId: number) =>
  t.db.query<{ id: number; actor: string; is_public: boolean; new_value: { due_at: string; department: string } }>(sql`
    SELECT id, actor, is_public, new_value FROM report_events WHERE report_id = ${reportId} AND kind = 'escalated'`);

describe('the escalation job in the job runner', () => {
  afterAll(() => stopJobs(t.db));

  it("escalates an overdue report once and e-mails its department's and kelurahan's supervisors once, run by the job runner on its schedule", async () => {
    const overdue = await report('TGR-ESK001', { status: 'assigned', dueAt: '2026-01-05T16:59:59.999Z' });
    const notYetDue = await report('TGR-ESK002', { dueAt: new Date(Date.now() + 86_400_000).toISOString() });
    const resolvedLate = await report('TGR-ESK003', { status: 'resolved', dueAt: hoursAgo(48), resolvedAt: hoursAgo(1) });
    const rejected = await report('TGR-ESK004', { status: 'rejected', dueAt: hoursAgo(48) });
    await t.db.query(sql`
      UPDATE reports SET is_synthetic = true WHERE id = ${await report('TGR-ESK005', { dueAt: hoursAgo(48) })}`);

    // Every minute, checked every second: the schedule fires within seconds of the start.
    await startJobs(t.db, { databaseUrl: t.url }, [
      escalationQueue(t.db, { cron: '* * * * *' }),
      ...notificationQueues({ db: t.db, publicBaseUrl: 'https://petawarga.example', mailer }),
    ], { pollingIntervalSeconds: 0.5, cronMonitorIntervalSeconds: 1 });

    const [mail] = await eventually(() => (smtp.received.length ? smtp.received : undefined), { what: 'the supervisor e-mail', timeoutMs: 20_000 });
    expect(mail.to).toEqual([supervisor, lurah]);
    expect(mail.subject).toBe('[PetaWarga] TGR-ESK001 melewati batas waktu / overdue');
    expect(mail.text).toContain('batas waktunya 5 Januari 2026 pukul 23.59 WIB. Status saat ini: diteruskan ke dinas.');

    const [event] = await escalations(overdue);
    expect(event).toMatchObject({
      actor: 'system', is_public: false, new_value: { due_at: '2026-01-05T16:59:59.999Z', department: 'tgr-dlh' },
    });
    // Recorded just after the relay accepted the message.
    const delivery = await eventually(async () => {
      const [row] = await t.db.query(sql`
        SELECT channel, status, attempts FROM notification_deliveries WHERE event_id = ${event.id} AND status = 'sent'`);
      return row;
    }, { what: 'the delivery to be recorded' });
    expect(delivery).toEqual({ channel: 'email', status: 'sent', attempts: 1 });

    // Another run finds nothing new: still one event and one e-mail.
    await escalationQueue(t.db).handle({}, { jobId: 'again', number: 1 });
    for (const id of [notYetDue, resolvedLate, rejected]) expect(await escalations(id)).toEqual([]);
    expect(await escalations(overdue)).toHaveLength(1);
    const [{ escalated }] = await t.db.query<{ escalated: number }>(sql`
      SELECT count(*)::int AS escalated FROM report_events WHERE kind = 'escalated'`);
    expect(escalated).toBe(1);
    const [{ queued }] = await t.db.query<{ queued: number }>(sql`
      SELECT count(*)::int AS queued FROM pgboss.job WHERE name = 'notify-email'`);
    expect(queued).toBe(1);
    expect(smtp.received).toHaveLength(1);
  });

  it('runs every five minutes in Jakarta time unless told otherwise', async () => {
    const queue = escalationQueue(t.db);
    expect(queue.cron).toBe('*/5 * * * *');
    const schedules = await jobsOn(t.db)!.getSchedules();
    expect(schedules.find((s) => s.name === 'escalation-check')).toMatchObject({ timezone: 'Asia/Jakarta' });
  });
});

describe('escalateOverdue', () => {
  itNeeding([[postgres, 'two runners need two connections at once; the embedded database has one']],
    'escalates exactly once when two runners check at the same moment', async () => {
    const id = await report('TGR-ESK006', { status: 'in_progress', dueAt: hoursAgo(3) });
    let second: Promise<unknown[]> | undefined;
    let secondDone = false;
    const first = await t.db.transaction(async (tx) => {
      const mine = await escalateOverdue(tx);
      // The second runner starts while the first has not committed: it sees no escalation yet.
      second = t.db.transaction(escalateOverdue).finally(() => (secondDone = true));
      await eventually(async () => {
        const [waiting] = await t.db.query(sql`
          SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
        return waiting ?? (secondDone || undefined);
      }, { what: 'the second runner to reach the escalated report' });
      return mine;
    });
    expect(first.map((e) => e.reportId)).toEqual([id]);
    // It waited on the first one's row in the unique index, then inserted nothing.
    expect(await second).toEqual([]);
    expect(await escalations(id)).toHaveLength(1);
  });

  it('has someone to tell when only the kelurahan has a supervisor, and no one when neither has', async () => {
    const { tangsel } = await twoKelurahan(t.db);
    const toldByKelurahan = await report('TGR-ESK008', { dueAt: hoursAgo(5) });
    await t.db.query(sql`UPDATE departments SET supervisor_email = NULL WHERE code = 'tgr-dlh'`);
    const untold = await insertConstructedReport(t.db, { code: 'TSL-ESK009', kelurahanCode: tangsel, createdAt: hoursAgo(200), dueAt: hoursAgo(5) });
    try {
      const escalated = await t.db.transaction(escalateOverdue);
      expect(escalated.map((e) => [e.reportId, e.hasSupervisor])).toEqual([[toldByKelurahan, true], [untold, false]]);
    } finally {
      await t.db.query(sql`UPDATE departments SET supervisor_email = ${supervisor} WHERE code = 'tgr-dlh'`);
    }
  });

  it('tells the supervisor of the kelurahan desk a routing rule handed the report to, not of where it lies', async () => {
    const { tangsel } = await twoKelurahan(t.db);
    await t.db.query(sql`UPDATE departments SET supervisor_email = NULL WHERE code = 'tgr-dlh'`);
    const handedOver = await insertConstructedReport(t.db, { code: 'TSL-ESK010', kelurahanCode: tangsel, createdAt: hoursAgo(200), dueAt: hoursAgo(5) });
    // As route_department explains a rule that names a kelurahan desk (migration 0105).
    await t.db.query(sql`
      UPDATE reports SET routing_explanation = jsonb_build_object('department', jsonb_build_object(
        'handling_kelurahan', jsonb_build_object('code', ${kelurahan}::text)))
      WHERE id = ${handedOver}`);
    try {
      const escalated = await t.db.transaction(escalateOverdue);
      const mine = escalated.find((e) => e.reportId === handedOver)!;
      expect(mine.hasSupervisor).toBe(true);
      const told = await eventToTell(t.db, handedOver, mine.eventId);
      expect(told?.kelurahan_supervisor_email).toBe(lurah);
      // The e-mail still names the kelurahan where the problem is.
      const [{ name }] = await t.db.query<{ name: string }>(sql`SELECT name FROM kelurahan WHERE code = ${tangsel}`);
      expect(told?.kelurahan_name).toBe(name);
    } finally {
      await t.db.query(sql`UPDATE departments SET supervisor_email = ${supervisor} WHERE code = 'tgr-dlh'`);
    }
  });

  it('escalates again when the report has a new deadline that is missed too', async () => {
    const id = await report('TGR-ESK007', { dueAt: hoursAgo(30) });
    await t.db.transaction(escalateOverdue);
    // Reopened with a new promise (deadlines/due-at.ts), missed as well.
    await t.db.query(sql`UPDATE reports SET due_at = ${hoursAgo(2)}, due_counted_from = ${hoursAgo(20)} WHERE id = ${id}`);
    await t.db.transaction(escalateOverdue);
    expect((await escalations(id)).map((e) => e.new_value.due_at)).toHaveLength(2);
  });
});
