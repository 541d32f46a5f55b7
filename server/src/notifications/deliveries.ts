import { sql, type Queryable } from '../db/database.ts';

// notification_deliveries (migration 0030): one row per event and channel, updated by each
// attempt, so staff can answer "was the resident told?" without a message body or address.

export type Channel = 'email' | 'sms';
export type SkipReason = 'no_contact' | 'not_told' | 'not_public' | 'not_sms_reporter';

export type Outcome =
  | { status: 'sent' }
  | { status: 'failed'; error: string }
  | { status: 'skipped'; reason: SkipReason };

/** True once a message for this event went out on this channel: a retried job sends nothing. */
export async function alreadySent(db: Queryable, eventId: number, channel: Channel): Promise<boolean> {
  const [row] = await db.query(sql`
    SELECT 1 FROM notification_deliveries
    WHERE event_id = ${eventId} AND channel = ${channel} AND status = 'sent'`);
  return row !== undefined;
}

export async function recordAttempt(db: Queryable, eventId: number, channel: Channel, outcome: Outcome): Promise<void> {
  const error = outcome.status === 'failed' ? withoutContacts(outcome.error).slice(0, 1000) : null;
  const reason = outcome.status === 'skipped' ? outcome.reason : null;
  await db.query(sql`
    INSERT INTO notification_deliveries (event_id, channel, status, last_error, skip_reason, sent_at)
    VALUES (${eventId}, ${channel}, ${outcome.status}, ${error}, ${reason},
            CASE WHEN ${outcome.status} = 'sent' THEN now() END)
    ON CONFLICT (event_id, channel) DO UPDATE SET
      status          = EXCLUDED.status,
      attempts        = notification_deliveries.attempts + 1,
      -- The error that preceded a success stays readable: it says why the message was late.
      last_error      = COALESCE(EXCLUDED.last_error, notification_deliveries.last_error),
      skip_reason     = EXCLUDED.skip_reason,
      last_attempt_at = now(),
      sent_at         = EXCLUDED.sent_at`);
}

/**
 * An error message with e-mail addresses and phone numbers blanked out: SMTP servers quote the
 * recipient ("550 <budi@…>: mailbox unavailable"), and errors end up in logs and pg-boss's table.
 */
export function withoutContacts(message: string): string {
  return message
    .replace(/[^\s<>"'@]+@[^\s<>"'@]+/g, '[address]')
    .replace(/\+?\d[\d\s-]{6,}\d/g, '[number]');
}
