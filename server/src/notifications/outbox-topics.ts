import type { Database } from '../db/database.ts';
import type { OutboxHandler } from '../outbox/drain.ts';
import { notifyPublicChange } from './notify.ts';
import type { NoticeJob } from './notice-job.ts';

/**
 * The outbox topics the notifications module answers: `reporter_notice`, written by the
 * queue_reporter_notice trigger (db/functions) for every public event of a report whose
 * reporter can be reached, whichever channel or desk made the change.
 */
export function notificationTopics(db: Database): Record<string, OutboxHandler> {
  return {
    reporter_notice: async (payload) => {
      await notifyPublicChange(db, payload as unknown as NoticeJob);
    },
  };
}
