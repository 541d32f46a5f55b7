import type { Database } from '../db/database.ts';
import { allocateOutboxId, handOver } from './gateway.ts';
import { eventForNotice, recordNotice, recordedNotice } from './queries.ts';
import { changeNotice } from './replies.ts';

// The public changes a resident who reported by SMS, or whose report staff filed by phone or at
// the counter, is told about; the latter also get the tracking code when the report is filed.
const noticeKinds = new Set(['status_changed', 'parent_status_changed', 'merged', 'reopened']);
const filedByStaff = new Set(['phone', 'walk_in']);
const toldKinds = (channel: string) => (filedByStaff.has(channel) ? new Set([...noticeKinds, 'submitted']) : noticeKinds);

export type NoticeResult =
  | { sent: true; gatewayOutboxId: number }
  | { sent: false; reason: 'no_such_event' | 'not_an_sms_reporter' | 'not_told' };

/**
 * Tells the SMS reporter of a report about one public event of it, exactly once however often
 * the notification queue calls (it retries after failures). The notice is recorded in the
 * app's database with an outbox ID drawn from SMSD first, then handed over under that ID, so
 * a repeated call after a crash finds the message in outbox or sentitems instead of sending
 * it again (gateway.ts handOver).
 */
export async function notifySmsReporter(
  appDb: Database, gatewayDb: Database, e: { reportId: number; eventId: number },
): Promise<NoticeResult> {
  let [notice] = await recordedNotice(appDb, e.eventId);
  if (!notice) {
    const event = await eventForNotice(appDb, e.reportId, e.eventId);
    if (!event) return { sent: false, reason: 'no_such_event' };
    // Web reporters are told by the notification queue's other channels; SMS costs the city.
    if ((event.channel !== 'sms' && !filedByStaff.has(event.channel)) || !event.phone) {
      return { sent: false, reason: 'not_an_sms_reporter' };
    }
    if (!event.is_public || !toldKinds(event.channel).has(event.kind)) return { sent: false, reason: 'not_told' };
    notice = await recordNotice(appDb, {
      gatewayOutboxId: await allocateOutboxId(gatewayDb),
      destination: event.phone,
      body: changeNotice({
        code: event.code, kelurahanName: event.kelurahan_name, kind: event.kind, status: event.status,
        reason: event.reason, agency: event.agency, parentCode: event.parent_code,
      }),
      reportId: e.reportId,
      eventId: e.eventId,
    });
  }
  await handOver(gatewayDb, notice);
  return { sent: true, gatewayOutboxId: notice.gatewayOutboxId };
}
