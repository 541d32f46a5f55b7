import type { Database } from '../db/database.ts';
import { isWorking, sendJob, type JobQueue } from '../jobs/runner.ts';
import { emailQueueName } from '../notifications/email-job.ts';
import { escalateOverdue } from './overdue.ts';

export const escalationQueueName = 'escalation-check';

/**
 * Every five minutes (by default): escalates the reports that went past their deadline and
 * queues an e-mail to each one's supervisor. Events and e-mail jobs commit together, so a crash
 * between the two can neither lose the e-mail nor send it for an escalation that did not happen.
 */
export function escalationQueue(
  db: Database, options: { cron?: string; log?: (message: string) => void } = {},
): JobQueue<object> {
  const log = options.log ?? (() => undefined);
  return {
    name: escalationQueueName,
    cron: options.cron ?? '*/5 * * * *',
    // The next run looks again; a retry would only race it.
    retry: { limit: 0, delaySeconds: 0, backoff: false },
    expireInSeconds: 240,
    async handle() {
      const escalated = await db.transaction(async (tx) => {
        const rows = await escalateOverdue(tx);
        if (isWorking(db, emailQueueName)) {
          for (const r of rows.filter((row) => row.hasSupervisor)) {
            await sendJob(db, emailQueueName, { reportId: r.reportId, eventId: r.eventId }, { within: tx, onceKey: String(r.eventId) });
          }
        }
        return rows;
      });
      if (escalated.length > 0) log(`escalation: ${escalated.length} overdue report(s) escalated`);
    },
  };
}
