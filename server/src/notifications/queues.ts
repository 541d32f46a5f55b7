import type { Database } from '../db/database.ts';
import type { JobQueue } from '../jobs/runner.ts';
import type { SmsChannel } from '../sms/channel.ts';
import { emailQueue } from './email-job.ts';
import type { Mailer } from './mailer.ts';
import { notificationRetry, type NoticeJob, type RetryPolicy } from './notice-job.ts';
import { smsQueue } from './sms-job.ts';

/** The queue of each notification channel that is on: e-mail with SMTP_URL, SMS with the gateway. */
export function notificationQueues(deps: {
  db: Database;
  publicBaseUrl: string;
  mailer?: Mailer;
  sms?: Pick<SmsChannel, 'notify'>;
  retry?: RetryPolicy;
}): JobQueue<NoticeJob>[] {
  const retry = deps.retry ?? notificationRetry;
  return [
    ...(deps.mailer ? [emailQueue({ db: deps.db, mailer: deps.mailer, publicBaseUrl: deps.publicBaseUrl, retry })] : []),
    ...(deps.sms ? [smsQueue({ db: deps.db, sms: deps.sms, retry })] : []),
  ];
}
