import type { Database } from '../db/database.ts';
import { isWorking, sendJob } from '../jobs/runner.ts';
import { emailQueueName } from './email-job.ts';
import { reporterChannels } from './queries.ts';
import { smsQueueName } from './sms-job.ts';

/**
 * Call after a public event of a report was committed: queues one job per channel on which the
 * reporter can be reached, and returns at once; the jobs send the messages (email-job.ts,
 * sms-job.ts). Each job carries only the report and event ids. Calling it twice for the same
 * event queues nothing more.
 */
export async function notifyPublicChange(db: Database, e: { reportId: number; eventId: number }): Promise<string[]> {
  const reachable = await reporterChannels(db, e.reportId, e.eventId);
  const queues = [
    ...(reachable.email ? [emailQueueName] : []),
    ...(reachable.sms ? [smsQueueName] : []),
  ].filter((name) => isWorking(db, name));
  for (const name of queues) {
    await sendJob(db, name, { reportId: e.reportId, eventId: e.eventId }, { onceKey: String(e.eventId) });
  }
  return queues;
}
