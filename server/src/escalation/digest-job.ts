import type { Database } from '../db/database.ts';
import { isWorking, sendJob, type JobQueue } from '../jobs/runner.ts';
import { withoutContacts } from '../notifications/deliveries.ts';
import { digestEmail } from './digest-message.ts';
import type { Mailer } from '../notifications/mailer.ts';
import { notificationRetry, type RetryPolicy } from '../notifications/notice-job.ts';
import { digestToSend, markDigestSent, recordTodaysDigests, type QueuedDigest } from './digest.ts';

export const digestQueueName = 'supervisor-digest';
export const digestEmailQueueName = 'notify-digest-email';

/**
 * Once a day (07:00 WIB by default): records a digest for each supervisor with overdue reports
 * and queues its e-mail, in one transaction, as the escalation job queues its e-mails. Recorded
 * once per WIB day (supervisor_digests), so a second run that day, or a second instance, queues
 * nothing. With e-mail off nothing is recorded, so turning it on later still sends that day's.
 */
export function digestQueue(
  db: Database, options: { cron?: string; log?: (message: string) => void } = {},
): JobQueue<object> {
  const log = options.log ?? (() => undefined);
  return {
    name: digestQueueName,
    cron: options.cron ?? '0 7 * * *',
    retry: { limit: 3, delaySeconds: 300, backoff: false },
    expireInSeconds: 240,
    async handle() {
      if (!isWorking(db, digestEmailQueueName)) return;
      const queued = await db.transaction(async (tx) => {
        const digests = await recordTodaysDigests(tx);
        for (const d of digests) {
          await sendJob(db, digestEmailQueueName, d, { within: tx, onceKey: `${d.digestDate}:${d.recipient}` });
        }
        return digests;
      });
      if (queued.length > 0) log(`escalation: ${queued.length} supervisor digest(s) queued`);
    },
  };
}

/** One supervisor's digest e-mail; the address and the reports are read when it runs. */
export function digestEmailQueue(deps: {
  db: Database; mailer: Mailer; publicBaseUrl: string; retry?: RetryPolicy;
}): JobQueue<QueuedDigest> {
  const { db, mailer, publicBaseUrl } = deps;
  return {
    name: digestEmailQueueName,
    retry: deps.retry ?? notificationRetry,
    expireInSeconds: 120,
    async handle(digest) {
      const toSend = await digestToSend(db, digest);
      // Sent already (a retry whose completion was lost), or the contact was removed since.
      if (!toSend || toSend.sentAt) return;
      // Every report was resolved since the morning's count: nothing to say.
      if (toSend.reports.length === 0) return markDigestSent(db, digest, 0);
      try {
        await mailer.send(toSend.email, digestEmail(toSend.reports, publicBaseUrl));
      } catch (error) {
        throw new Error(`digest ${digest.digestDate} not sent: ${withoutContacts((error as Error).message)}`);
      }
      await markDigestSent(db, digest, toSend.reports.length);
    },
  };
}
