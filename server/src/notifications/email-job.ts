import type { Database } from '../db/database.ts';
import type { JobQueue } from '../jobs/runner.ts';
import { alreadySent, recordAttempt, withoutContacts } from './deliveries.ts';
import type { Mailer } from './mailer.ts';
import { reporterEmail, supervisorEmail } from './messages.ts';
import { eventToTell, type EventToTell } from './queries.ts';
import type { NoticeJob, RetryPolicy } from './notice-job.ts';

export const emailQueueName = 'notify-email';

/**
 * One e-mail about one event: to the reporter for a public event, to the supervisors of the
 * report's department and kelurahan for an 'escalated' one (one message to both). The address is read now, not when the job was queued.
 */
export function emailQueue(deps: { db: Database; mailer: Mailer; publicBaseUrl: string; retry: RetryPolicy }): JobQueue<NoticeJob> {
  const { db, mailer, publicBaseUrl } = deps;
  return {
    name: emailQueueName,
    retry: deps.retry,
    expireInSeconds: 120,
    async handle({ reportId, eventId }) {
      // A retry after a success whose job completion was lost: the message went out already.
      if (await alreadySent(db, eventId, 'email')) return;
      // The report was deleted since (its events with it): no one left to tell.
      const event = await eventToTell(db, reportId, eventId);
      if (!event) return;
      const escalation = event.kind === 'escalated';
      if (!escalation && !event.is_public) {
        return recordAttempt(db, eventId, 'email', { status: 'skipped', reason: 'not_public' });
      }
      const to = escalation ? supervisorsOf(event) : [event.reporter_email].filter((a) => a !== null);
      if (to.length === 0) return recordAttempt(db, eventId, 'email', { status: 'skipped', reason: 'no_contact' });
      const email = escalation ? supervisorEmail(event, publicBaseUrl) : reporterEmail(event, publicBaseUrl);
      try {
        await mailer.send(to, email);
      } catch (error) {
        const message = withoutContacts((error as Error).message);
        await recordAttempt(db, eventId, 'email', { status: 'failed', error: message });
        // Rethrown without the address: pg-boss keeps it in the job's output.
        throw new Error(`e-mail for event ${eventId} not sent: ${message}`);
      }
      await recordAttempt(db, eventId, 'email', { status: 'sent' });
    },
  };
}

/** The department's and the kelurahan's supervisor, once when the same person is both. */
function supervisorsOf(event: EventToTell): string[] {
  const addresses = [event.supervisor_email, event.kelurahan_supervisor_email].filter((a) => a !== null);
  return [...new Map(addresses.map((a) => [a.toLowerCase(), a] as const)).values()];
}
