import { sql, type Queryable } from '../db/database.ts';
import { fitSms } from './gsm-text.ts';
import type { OutgoingSms } from './queries.ts';

// SQL on Gammu SMSD's database (schema: /usr/share/doc/gammu-smsd/examples/pgsql.sql). SMSD
// inserts what the phone receives into `inbox` and sends what we insert into `outbox`, moving
// it to `sentitems` under the same "ID" once the network took it. Column names are SMSD's.

// Who we are in outbox."CreatorID", so the city's other SMSD users can tell our messages apart.
const creatorId = 'petawarga';

export interface InboxMessage {
  id: number;
  sender: string;
  text: string;
  /** Hex user-data header: set on each part of a long (concatenated) SMS. */
  udh: string;
  /** SMSC time, ISO 8601 UTC. */
  receivedAt: string;
}

/**
 * The oldest unprocessed message, row-locked until the caller's transaction ends. SKIP LOCKED
 * lets several server instances poll one gateway: each takes a message no other holds.
 * SMSD's PostgreSQL driver writes UTC wall-clock times into columns without a time zone,
 * hence the literal "Z".
 */
export async function lockNextMessage(gtx: Queryable, skip: number[]): Promise<InboxMessage | undefined> {
  const [message] = await gtx.query<InboxMessage>(sql`
    SELECT "ID" AS id, "SenderNumber" AS sender, "TextDecoded" AS text, "UDH" AS udh,
           to_char("ReceivingDateTime", 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "receivedAt"
    FROM inbox
    WHERE NOT "Processed" AND NOT ("ID" = ANY(${skip}::int[]))
    ORDER BY "ID"
    LIMIT 1
    FOR UPDATE SKIP LOCKED`);
  return message;
}

export async function markProcessed(gtx: Queryable, id: number): Promise<void> {
  await gtx.query(sql`UPDATE inbox SET "Processed" = true WHERE "ID" = ${id}`);
}

/** An outbox ID drawn from SMSD's own sequence, to be recorded before the message is handed over. */
export async function allocateOutboxId(g: Queryable): Promise<number> {
  const [row] = await g.query<{ id: number }>(sql`SELECT nextval(pg_get_serial_sequence('outbox', 'ID'))::int AS id`);
  return row.id;
}

/**
 * Puts a recorded message into the outbox under its recorded ID, unless it is already there
 * or already sent: doing it again after a crash sends nothing twice. SMSD writes `sentitems`
 * before it deletes from `outbox`, so a message is always in one of the two once handed over.
 * True when this call queued it.
 */
export async function handOver(g: Queryable, sms: OutgoingSms): Promise<boolean> {
  const queued = await g.query(sql`
    INSERT INTO outbox ("ID", "DestinationNumber", "TextDecoded", "Coding", "CreatorID")
    SELECT ${sms.gatewayOutboxId}, ${sms.destination}, ${sms.body}, 'Default_No_Compression', ${creatorId}
    WHERE NOT EXISTS (SELECT 1 FROM sentitems WHERE "ID" = ${sms.gatewayOutboxId})
    ON CONFLICT ("ID") DO NOTHING
    RETURNING "ID"`);
  return queued.length > 0;
}

/**
 * Sends one SMS now, fitted to one message in the GSM alphabet. Not idempotent: for messages
 * that must go exactly once, record them first and use handOver (see notify.ts).
 */
export async function sendSms(gatewayDb: Queryable, number: string, text: string): Promise<number> {
  const [row] = await gatewayDb.query<{ id: number }>(sql`
    INSERT INTO outbox ("DestinationNumber", "TextDecoded", "Coding", "CreatorID")
    VALUES (${number}, ${fitSms(text)}, 'Default_No_Compression', ${creatorId})
    RETURNING "ID" AS id`);
  return row.id;
}
