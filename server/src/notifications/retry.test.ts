import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { eventually } from '../test/eventually.ts';
import { startTestSmtp, type TestSmtp } from './test-smtp.ts';
import { sentDelivery, startNotifiedApp, type NotifiedApp } from './test-app.ts';

// Its own relay and runner: this relay refuses the first two attempts.
let smtp: TestSmtp;
let t: NotifiedApp;
beforeAll(async () => {
  smtp = await startTestSmtp({ refuseFirst: 2 });
  t = await startNotifiedApp({ smtpUrl: smtp.url, retry: { limit: 3, delaySeconds: 1, backoff: true } });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

it('retries a refused e-mail with growing delays and finally delivers it, keeping no address in errors', async () => {
  // Submitted without contact (so no 'published' e-mail shares the relay's refusals); the
  // address is added before the assignment, and the job reads it when it runs.
  const code = await t.submit({});
  await t.db.query(sql`INSERT INTO reporters (report_id, email) SELECT id, 'sabar@example.org' FROM reports WHERE code = ${code}`);
  await t.move(code, 'assigned');

  const [mail] = await eventually(() => (smtp.received.length ? smtp.received : undefined), { what: 'the delivered e-mail', timeoutMs: 20_000 });
  expect(mail.to).toEqual(['sabar@example.org']);
  expect(mail.subject).toBe(`[PetaWarga] ${code}: diteruskan ke dinas / assigned`);

  // Refused at the greeting, refused at RCPT TO, accepted.
  expect(smtp.connections).toHaveLength(3);
  const [first, second, third] = smtp.connections;
  // pg-boss waits delay × 2^(n-1) × (1 + random) before retry n: at least 1 s, then at least 2 s.
  expect(second - first).toBeGreaterThanOrEqual(1000);
  expect(third - second).toBeGreaterThanOrEqual(2000);

  const delivery = await sentDelivery(t, code);
  expect(delivery.attempts).toBe(3);
  expect(delivery.last_error).toContain('451 <[address]>: mailbox busy');
  expect(delivery.last_error).not.toContain('sabar@example.org');

  // pg-boss marks the job completed just after the handler returned.
  const job = await eventually(async () => {
    const [row] = await t.db.query<{ state: string; retry_count: number }>(sql`
      SELECT state, retry_count FROM pgboss.job WHERE name = 'notify-email' AND (data->>'eventId')::int = ${delivery.event_id}`);
    return row?.state === 'completed' ? row : undefined;
  }, { what: 'the job to complete' });
  expect(job.retry_count).toBe(2);
});
