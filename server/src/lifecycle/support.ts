import { createHash } from 'node:crypto';
import { sql, type Queryable } from '../db/database.ts';
import { appError } from '../http/error-catalogue.ts';
import { openStatuses } from './transitions.ts';

/**
 * A resident's "+1" on an open report. Each supporter counts once per report; the supporter is
 * known only by a hash of network address, browser and report, never stored in the clear.
 */
export async function supportReport(tx: Queryable, code: string, client: { ip: string; userAgent: string }) {
  const supporterHash = createHash('sha256').update(`${client.ip}\n${client.userAgent}\n${code}`).digest('hex');
  const [report] = await tx.query<{ id: number; status: string }>(sql`
    SELECT id, status FROM reports WHERE code = ${code} FOR UPDATE`);
  if (!report || report.status === 'submitted' || report.status === 'rejected') throw appError('REPORT_NOT_FOUND', { code });
  if (!(openStatuses as string[]).includes(report.status)) {
    throw appError('REPORT_NOT_OPEN', { code, status: report.status });
  }
  const inserted = await tx.query(sql`
    INSERT INTO report_supports (report_id, supporter_hash) VALUES (${report.id}, ${supporterHash})
    ON CONFLICT DO NOTHING RETURNING report_id`);
  const [{ support_count }] = await tx.query<{ support_count: number }>(sql`
    UPDATE reports SET support_count = support_count + ${inserted.length} WHERE id = ${report.id}
    RETURNING support_count`);
  return { support_count, counted: inserted.length === 1 };
}
