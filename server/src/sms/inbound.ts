import { createHash } from 'node:crypto';
import type { Database } from '../db/database.ts';
import { runInTransaction } from '../db/open-transaction.ts';
import { allocateOutboxId, handOver, lockNextMessage, markProcessed, type InboxMessage } from './gateway.ts';
import { findInbound, recordInbound, type OutgoingSms } from './queries.ts';
import { actOnMessage, type SmsSettings } from './respond.ts';

// Exactly once, across two databases.
//
// The SMS is in SMSD's database, the report in ours; no transaction spans both. So each
// message goes through three steps, and the middle one is the single point of truth:
//
//   1. In a gateway transaction G, lock the inbox row (FOR UPDATE SKIP LOCKED). Until G ends
//      no other processor can take it, and if this process dies the connection drops, G
//      rolls back and the lock is released.
//   2. In one app transaction, act on it (create the report) AND record it in sms_inbound
//      (primary key: the gateway's message ID), with the reply to send and the outbox ID the
//      reply will have. Commit.
//   3. In G, put the recorded reply into the outbox and mark the inbox row processed. Commit.
//
// A crash before 2 commits leaves nothing: the message is still unprocessed and is redone.
// A crash between 2 and 3 leaves the message unprocessed but recorded; the next processor to
// lock it finds it in sms_inbound and only does step 3 with the recorded reply, so neither
// the report nor the reply is made twice. Step 3 is one gateway transaction, so the reply is
// queued if and only if the message is marked processed. Should the lock ever be lost while
// step 2 runs (G's connection killed), two processors could act at once; the primary key of
// sms_inbound lets only one of them commit.
//
// What cannot be made exactly-once is the radio: SMSD itself may resend an SMS whose send it
// could not confirm. That is between SMSD and the network.

export interface InboundProcessor {
  appDb: Database;
  gatewayDb: Database;
  settings: SmsSettings;
  /** Called after step 2 commits; tests throw here to stand for a crash. */
  afterAppCommit?: (messageId: number) => void | Promise<void>;
}

/** A message that could not be processed: it stays unprocessed and is tried again later. */
export class MessageFailed extends Error {
  constructor(readonly messageId: number, cause: unknown) {
    super(`SMS ${messageId} could not be processed: ${(cause as Error)?.message ?? cause}`, { cause });
  }
}

export function messageHash(m: InboxMessage): string {
  return createHash('sha256').update([m.sender, m.receivedAt, m.udh, m.text].join('\n')).digest('hex');
}

/** Processes the oldest message no one else holds (except `skip`); its ID, or null if none is left. */
export async function processNextMessage(p: InboundProcessor, skip: number[] = []): Promise<number | null> {
  return p.gatewayDb.transaction(async (gtx) => {
    const message = await lockNextMessage(gtx, skip);
    if (!message) return null;
    try {
      const hash = messageHash(message);
      const [earlier] = await findInbound(p.appDb, message.id, hash);
      let reply: OutgoingSms | null;
      if (earlier?.gateway_message_id === message.id) {
        if (earlier.message_hash !== hash) {
          throw new Error(
            `gateway message ${message.id} differs from the one recorded under that ID: was the SMSD database recreated? ` +
            'Restart its inbox ID sequence above the highest sms_inbound.gateway_message_id.',
          );
        }
        reply = earlier.reply;
      } else if (earlier) {
        // The same SMS (sender, SMSC time, text) again under a new ID: the network delivered it twice.
        reply = null;
        await runInTransaction(p.appDb, (tx) => recordInbound(tx, {
          gatewayMessageId: message.id, messageHash: hash, outcome: 'redelivered', receivedAt: message.receivedAt, reply: null,
        }));
      } else {
        reply = await runInTransaction(p.appDb, (tx) => actOnMessage(tx, { ...message, hash }, () => allocateOutboxId(gtx), p.settings));
        await p.afterAppCommit?.(message.id);
      }
      if (reply) await handOver(gtx, reply);
      await markProcessed(gtx, message.id);
      return message.id;
    } catch (error) {
      throw new MessageFailed(message.id, error);
    }
  });
}
