import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { readConfig } from '../config.ts';
import { sql, type Database } from '../db/database.ts';
import { startJobs, stopJobs } from '../jobs/runner.ts';
import { eventually } from '../test/eventually.ts';
import type { SmsChannel } from '../sms/channel.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { withoutLimits } from '../test/app.ts';
import { signIn, type SignedIn } from '../test/staff.ts';
import { createMailer } from './mailer.ts';
import { startOutbox } from '../outbox/drain.ts';
import { notificationTopics } from './outbox-topics.ts';
import type { RetryPolicy } from './notice-job.ts';
import { notificationQueues } from './queues.ts';

// The application wired as main.ts wires it: committed public changes reach notifyPublicChange
// through the outbox, and the job runner sends through the test's SMTP server and SMS gateway.

export const publicBaseUrl = 'https://petawarga.example';
// Inside kelurahan Sukarasa, Kota Tangerang: routed to tgr-pupr for jalan_rusak.
const sukarasa = { lat: -6.17, lon: 106.632 };

export interface NotifiedApp extends TestDatabase {
  app: FastifyInstance;
  admin: SignedIn;
  /** What the outbox reported failing (notifyPublicChange runs after the commit and cannot fail it). */
  notifyErrors: unknown[];
  /** Submits a report (published at once) with this reporter contact; its tracking code. */
  submit(reporter: { name?: string; email?: string; phone?: string }): Promise<string>;
  move(code: string, to: string, note?: { reason?: string; response?: string }): Promise<void>;
  close(): Promise<void>;
}

export async function startNotifiedApp(channels: {
  smtpUrl?: string;
  sms?: (db: Database) => Pick<SmsChannel, 'notify'>;
  retry: RetryPolicy;
}): Promise<NotifiedApp> {
  const t = await createTestDatabase();
  const { db } = t;
  const config = { ...readConfig(), ...withoutLimits, publicBaseUrl, databaseUrl: t.url };
  const mailer = createMailer({ smtpUrl: channels.smtpUrl, mailFrom: 'PetaWarga <noreply@petawarga.example>' });
  const sms = channels.sms?.(db);
  await startJobs(db, config, notificationQueues({ db, publicBaseUrl, mailer, sms, retry: channels.retry }), { pollingIntervalSeconds: 0.5 });
  const notifyErrors: unknown[] = [];
  const outbox = await startOutbox(db, notificationTopics(db), { log: (message) => notifyErrors.push(message), pollMs: 500 });
  const app = await buildApp({ config, db });
  await app.ready();
  const admin = await signIn(app, db, { role: 'admin' });
  return {
    ...t,
    app,
    admin,
    notifyErrors,
    async submit(reporter) {
      const res = await app.inject({
        method: 'POST', url: '/api/reports',
        payload: { category: 'jalan_rusak', description: 'Jalan berlubang besar di depan sekolah', ...sukarasa, reporter },
      });
      if (res.statusCode !== 201) throw new Error(`submission failed: ${res.body}`);
      return res.json().code;
    },
    async move(code, to, note = {}) {
      const res = await app.inject({ method: 'POST', url: `/api/reports/${code}/status`, headers: admin.headers, payload: { to, ...note } });
      if (res.statusCode !== 200) throw new Error(`status change failed: ${res.body}`);
    },
    async close() {
      await outbox.stop();
      await stopJobs(db);
      await app.close();
      mailer?.close();
      await t.drop();
    },
  };
}

/** The delivery row of the latest public event of a report on a channel. */
export async function latestDelivery(t: TestDatabase, code: string, channel = 'email') {
  const [row] = await t.db.query<{ event_id: number; status: string; attempts: number; last_error: string | null; sent_at: Date | null; skip_reason: string | null }>(sql`
    SELECT d.event_id, d.status, d.attempts, d.last_error, d.sent_at, d.skip_reason
    FROM notification_deliveries d
    JOIN report_events e ON e.id = d.event_id
    JOIN reports r ON r.id = e.report_id
    WHERE r.code = ${code} AND d.channel = ${channel}
    ORDER BY d.event_id DESC LIMIT 1`);
  return row;
}

/** The delivery row once it says the message went out (recorded just after the relay accepted it). */
export function sentDelivery(t: TestDatabase, code: string, channel = 'email') {
  return eventually(async () => {
    const d = await latestDelivery(t, code, channel);
    return d?.status === 'sent' ? d : undefined;
  }, { what: `the ${channel} delivery of ${code} to be recorded as sent` });
}
