import { sql, type Queryable } from '../db/database.ts';
import type { KelurahanName } from './kelurahan-names.ts';

// SQL on the app's database for the SMS channel. The gateway's own tables are in gateway.ts.

/** Every kelurahan with the names residents may add to tell two of the same name apart. */
export async function kelurahanNames(db: Queryable): Promise<KelurahanName[]> {
  return db.query<KelurahanName>(sql`
    SELECT k.code, k.name, kc.name AS "kecamatanName", k.city_code AS "cityCode", c.name AS "cityName"
    FROM kelurahan k
    JOIN kecamatan kc ON kc.code = k.kecamatan_code
    JOIN cities c ON c.code = k.city_code
    ORDER BY k.code`);
}

/** Where an SMS naming only its kelurahan is placed: the label point, inside the polygon. */
export async function kelurahanLabelPoint(db: Queryable, code: string): Promise<{ lon: number; lat: number }> {
  const [point] = await db.query<{ lon: number; lat: number }>(sql`
    SELECT ST_X(label_point) AS lon, ST_Y(label_point) AS lat FROM kelurahan WHERE code = ${code}`);
  if (!point) throw new Error(`kelurahan ${code} vanished while an SMS was being processed`);
  return point;
}

export interface OutgoingSms {
  gatewayOutboxId: number;
  destination: string;
  body: string;
}

export interface InboundRecord {
  gateway_message_id: number;
  message_hash: string;
  reply: OutgoingSms | null;
}

/** What was recorded for this gateway message ID, or for an identical message under another. */
export async function findInbound(db: Queryable, gatewayMessageId: number, messageHash: string): Promise<InboundRecord[]> {
  return db.query<InboundRecord>(sql`
    SELECT i.gateway_message_id, i.message_hash,
           CASE WHEN o.id IS NOT NULL THEN json_build_object(
             'gatewayOutboxId', o.gateway_outbox_id, 'destination', o.destination, 'body', o.body) END AS reply
    FROM sms_inbound i
    LEFT JOIN sms_outbound o ON o.inbound_message_id = i.gateway_message_id
    WHERE i.gateway_message_id = ${gatewayMessageId} OR i.message_hash = ${messageHash}
    ORDER BY i.gateway_message_id = ${gatewayMessageId} DESC`);
}

export async function recordInbound(
  tx: Queryable,
  r: {
    gatewayMessageId: number; messageHash: string; outcome: string; problem?: string; reportId?: number;
    receivedAt: string; reply: OutgoingSms | null;
  },
): Promise<void> {
  await tx.query(sql`
    INSERT INTO sms_inbound (gateway_message_id, message_hash, outcome, problem, report_id, received_at)
    VALUES (${r.gatewayMessageId}, ${r.messageHash}, ${r.outcome}, ${r.problem ?? null}, ${r.reportId ?? null}, ${r.receivedAt})`);
  if (r.reply) {
    await tx.query(sql`
      INSERT INTO sms_outbound (gateway_outbox_id, destination, body, inbound_message_id, report_id)
      VALUES (${r.reply.gatewayOutboxId}, ${r.reply.destination}, ${r.reply.body}, ${r.gatewayMessageId}, ${r.reportId ?? null})`);
  }
}

/** The report a tracking code names, as CEK tells it; the phone only to compare, never sent. */
export async function reportForStatus(db: Queryable, code: string) {
  const [row] = await db.query<{
    code: string; status: string; category_name: string; kelurahan_name: string; updated_at: Date;
    reporter_phone: string | null; reason: string | null; agency: string | null; duplicate_of: string | null;
  }>(sql`
    SELECT r.code, r.status, c.name_id AS category_name, k.name AS kelurahan_name, r.updated_at,
           rep.phone AS reporter_phone, p.code AS duplicate_of,
           -- The reason given with the latest public change (a rejection's reason is told to the reporter).
           (SELECT e.reason FROM report_events e
            WHERE e.report_id = r.id AND e.is_public AND e.reason IS NOT NULL
            ORDER BY e.id DESC LIMIT 1) AS reason,
           -- Where a referred report went.
           (SELECT e.new_value ->> 'agency' FROM report_events e
            WHERE e.report_id = r.id AND e.is_public AND r.status = 'referred'
            ORDER BY e.id DESC LIMIT 1) AS agency
    FROM reports r
    JOIN categories c ON c.code = r.category_code
    JOIN kelurahan k ON k.code = r.kelurahan_code
    LEFT JOIN reporters rep ON rep.report_id = r.id
    LEFT JOIN reports p ON p.id = r.duplicate_of
    WHERE r.code = ${code}`);
  return row;
}

/** The report just created in this transaction, as the acceptance reply names it. */
export async function acceptedReport(tx: Queryable, code: string) {
  const [row] = await tx.query<{ id: number; status: string; category_name: string; kelurahan_name: string }>(sql`
    SELECT r.id, r.status, c.name_id AS category_name, k.name AS kelurahan_name
    FROM reports r
    JOIN categories c ON c.code = r.category_code
    JOIN kelurahan k ON k.code = r.kelurahan_code
    WHERE r.code = ${code}`);
  return row;
}

/** One report event with what an SMS notice about it needs. */
export async function eventForNotice(db: Queryable, reportId: number, eventId: number) {
  const [row] = await db.query<{
    code: string; channel: string; phone: string | null; kelurahan_name: string; kind: string; is_public: boolean;
    status: string | null; reason: string | null; agency: string | null; parent_code: string | null;
  }>(sql`
    SELECT r.code, r.channel, rep.phone, k.name AS kelurahan_name, e.kind, e.is_public,
           e.new_value ->> 'status' AS status, e.reason, e.new_value ->> 'agency' AS agency,
           COALESCE(e.new_value ->> 'duplicate_of', e.new_value ->> 'parent') AS parent_code
    FROM report_events e
    JOIN reports r ON r.id = e.report_id
    JOIN kelurahan k ON k.code = r.kelurahan_code
    LEFT JOIN reporters rep ON rep.report_id = r.id
    WHERE e.id = ${eventId} AND e.report_id = ${reportId}`);
  return row;
}

/** The notice recorded for an event: this one, or the one a concurrent call recorded first. */
export async function recordNotice(
  db: Queryable, n: OutgoingSms & { reportId: number; eventId: number },
): Promise<OutgoingSms> {
  await db.query(sql`
    INSERT INTO sms_outbound (gateway_outbox_id, destination, body, event_id, report_id)
    VALUES (${n.gatewayOutboxId}, ${n.destination}, ${n.body}, ${n.eventId}, ${n.reportId})
    ON CONFLICT (event_id) DO NOTHING`);
  const [recorded] = await recordedNotice(db, n.eventId);
  return recorded;
}

export async function recordedNotice(db: Queryable, eventId: number): Promise<OutgoingSms[]> {
  return db.query<OutgoingSms>(sql`
    SELECT gateway_outbox_id AS "gatewayOutboxId", destination, body FROM sms_outbound WHERE event_id = ${eventId}`);
}
