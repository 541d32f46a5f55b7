import type { Database } from '../db/database.ts';
import type { JobQueue } from '../jobs/runner.ts';
import type { SmsChannel } from '../sms/channel.ts';
import { alreadySent, recordAttempt, withoutContacts } from './deliveries.ts';
import type { NoticeJob, RetryPolicy } from './notice-job.ts';

export const smsQueueName = 'notify-sms';

/**
 * One SMS about one public event, through the SMS channel's notice (sms/notify.ts), which
 * decides who is told by SMS and hands the message to Gammu SMSD's outbox exactly once.
 */
export function smsQueue(deps: { db: Database; sms: Pick<SmsChannel, 'notify'>; retry: RetryPolicy }): JobQueue<NoticeJob> {
  const { db, sms } = deps;
  return {
    name: smsQueueName,
    retry: deps.retry,
    expireInSeconds: 60,
    async handle({ reportId, eventId }) {
      if (await alreadySent(db, eventId, 'sms')) return;
      let result;
      try {
        result = await sms.notify({ reportId, eventId });
      } catch (error) {
        const message = withoutContacts((error as Error).message);
        await recordAttempt(db, eventId, 'sms', { status: 'failed', error: message });
        throw new Error(`SMS for event ${eventId} not sent: ${message}`);
      }
      if (result.sent) return recordAttempt(db, eventId, 'sms', { status: 'sent' });
      if (result.reason === 'no_such_event') return;
      const reason = result.reason === 'not_an_sms_reporter' ? 'not_sms_reporter' : 'not_told';
      await recordAttempt(db, eventId, 'sms', { status: 'skipped', reason });
    },
  };
}
