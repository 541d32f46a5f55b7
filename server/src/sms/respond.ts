import { sql, type Transaction } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import { sourceHash } from '../moderation/decide.ts';
import { publicStatuses } from '../reports/filters.ts';
import { submitReport } from '../reports/submit.ts';
import type { InboxMessage } from './gateway.ts';
import { parseSms, type SmsCommand } from './parse.ts';
import { acceptedReport, kelurahanLabelPoint, kelurahanNames, recordInbound, reportForStatus, type OutgoingSms } from './queries.ts';
import { helpReply, problemReply, refusedReply, reportAccepted, reportNotFoundReply, statusReply } from './replies.ts';

export interface SmsSettings {
  /** Where submitReport keeps photos (SMS reports have none, but it wants the folder). */
  photosDir: string;
  duplicates: { radiusM: number; windowDays: number };
  moderation: { moderateAll: boolean; burstLimit: number };
}

export interface NewMessage extends InboxMessage {
  hash: string;
}

// A number we can answer. Operators and banks send from names ("TELKOMSEL"); those get no reply.
const answerable = /^\+?[0-9]{6,20}$/;

/** 0812…, 62812…, +62812… are one number. */
const sameNumber = (a: string, b: string) => {
  const canonical = (n: string) => n.replace(/\D/g, '').replace(/^0/, '62');
  return canonical(a) === canonical(b);
};

/**
 * Acts on an SMS seen for the first time and records it, with the reply to send, in the
 * caller's transaction of the app's database (inbound.ts says why). Returns the reply, or null.
 */
export async function actOnMessage(
  tx: Transaction, m: NewMessage, allocateOutboxId: () => Promise<number>, settings: SmsSettings,
): Promise<OutgoingSms | null> {
  const seen = { gatewayMessageId: m.id, messageHash: m.hash, receivedAt: m.receivedAt };
  const record = (outcome: string, reply: OutgoingSms | null, extra: { problem?: string; reportId?: number } = {}) =>
    recordInbound(tx, { ...seen, ...extra, outcome, reply });
  const replyWith = async (body: string): Promise<OutgoingSms> =>
    ({ gatewayOutboxId: await allocateOutboxId(), destination: m.sender, body });

  // A long SMS arrives as parts; SMSD puts the whole text in the first and leaves the rest empty.
  if (!answerable.test(m.sender) || (m.text.trim() === '' && m.udh !== '')) {
    await record('ignored', null);
    return null;
  }

  const command: SmsCommand = parseSms(m.text, await kelurahanNames(tx));
  if (command.kind === 'report') return submit(tx, m, command, await replyWith(''), settings);

  let reply: OutgoingSms;
  let outcome: string;
  let problem: string | undefined;
  if (command.kind === 'status') {
    const report = await reportForStatus(tx, command.code);
    // Anyone with the code sees a public report; a report awaiting moderation or rejected is
    // told only to the number that sent it.
    const visible = report && ((publicStatuses as readonly string[]).includes(report.status)
      || (report.reporter_phone !== null && sameNumber(report.reporter_phone, m.sender)));
    reply = await replyWith(visible
      ? statusReply({
        code: report.code, status: report.status, categoryName: report.category_name, kelurahanName: report.kelurahan_name,
        updatedAt: report.updated_at, reason: report.reason, agency: report.agency, duplicateOf: report.duplicate_of,
      })
      : reportNotFoundReply(command.code));
    outcome = 'status';
  } else if (command.kind === 'help') {
    reply = await replyWith(helpReply());
    outcome = 'help';
  } else {
    reply = await replyWith(problemReply(command.problem));
    outcome = 'problem';
    problem = command.problem.code;
  }
  await record(outcome, reply, { problem });
  return reply;
}

/**
 * A report through the same submission code as the web form, recorded with its SMS: "report
 * created" and "SMS recorded" commit together, which inbound.ts relies on. A refusal meant for
 * the resident (the web form would answer 4xx) is recorded instead and told to them by SMS.
 */
async function submit(
  tx: Transaction, m: NewMessage, c: Extract<SmsCommand, { kind: 'report' }>, reply: OutgoingSms, settings: SmsSettings,
): Promise<OutgoingSms> {
  const seen = { gatewayMessageId: m.id, messageHash: m.hash, receivedAt: m.receivedAt };
  const { lon, lat } = await kelurahanLabelPoint(tx, c.kelurahan.code);
  // The refusal is recorded in the same transaction, without what the refused attempt wrote.
  await tx.query(sql`SAVEPOINT sms_report`);
  try {
    const { code } = await submitReport(tx, settings.photosDir, {
      fields: { category: c.categoryCode, description: c.description, lat, lon, reporter: { phone: m.sender } },
      photos: [],
      uploads: [],
      channel: 'sms',
      locationIsApproximate: true,
      duplicates: settings.duplicates,
      sourceHash: sourceHash(`sms:${m.sender}`),
      moderation: settings.moderation,
    });
    const report = await acceptedReport(tx, code);
    reply.body = reportAccepted({ code, status: report.status, categoryName: report.category_name, kelurahanName: report.kelurahan_name });
    await recordInbound(tx, { ...seen, outcome: 'report', reportId: report.id, reply });
  } catch (error) {
    if (!(error instanceof AppError) || error.statusCode >= 500) throw error;
    await tx.query(sql`ROLLBACK TO SAVEPOINT sms_report`);
    reply.body = refusedReply(error.messages.id);
    await recordInbound(tx, { ...seen, outcome: 'problem', problem: error.code, reply });
  }
  return reply;
}
