import { sql, type Queryable, type Sql } from '../db/database.ts';
import { isOverdue } from '../deadlines/overdue.ts';
import { deskKelurahan } from '../staff/scope.ts';

// The supervisors' daily digest: which supervisors have overdue reports today, and which reports.
// A supervisor is an address in departments.supervisor_email or kelurahan.supervisor_email
// (migrations 0022, 0104), compared without case: the same person may be both, and gets one
// digest listing the reports of all their departments and kelurahan.

/** The key of a recipient in supervisor_digests and in a digest job: no address is stored. */
const recipientKey = (email: Sql) => sql`encode(sha256(convert_to(lower(${email}), 'UTF8')), 'hex')`;

export interface QueuedDigest {
  digestDate: string;
  recipient: string;
}

/**
 * Records today's (WIB) digest of each supervisor with at least one overdue report, unless
 * recorded already today, and returns those recorded now: a second run on the same day returns
 * none. Demo reports are left out, as the escalation job leaves them out.
 */
export async function recordTodaysDigests(tx: Queryable): Promise<QueuedDigest[]> {
  return tx.query<QueuedDigest>(sql`
    WITH overdue AS (
      SELECT d.supervisor_email AS department_supervisor, k.supervisor_email AS kelurahan_supervisor
      FROM reports r
      JOIN departments d ON d.code = r.department_code
      -- The desk that handles the report (migration 0105), which a rule may set apart from where it lies.
      JOIN kelurahan k ON k.code = ${deskKelurahan('r')}
      WHERE ${isOverdue('r')} AND NOT r.is_synthetic
    ),
    recipients AS (
      SELECT department_supervisor AS email FROM overdue WHERE department_supervisor IS NOT NULL
      UNION
      SELECT kelurahan_supervisor FROM overdue WHERE kelurahan_supervisor IS NOT NULL
    )
    INSERT INTO supervisor_digests (digest_date, recipient_sha256)
    SELECT DISTINCT (now() AT TIME ZONE 'Asia/Jakarta')::date, ${recipientKey(sql`email`)}
    FROM recipients
    -- The same order in every runner: two racing runners wait for each other, never deadlock.
    ORDER BY 2
    ON CONFLICT DO NOTHING
    RETURNING to_char(digest_date, 'YYYY-MM-DD') AS "digestDate", recipient_sha256 AS recipient`);
}

export interface DigestReport {
  code: string;
  category_id: string;
  category_en: string;
  kelurahan_name: string;
  department_name: string;
  /** Whole WIB days since the day of the deadline: 0 when it passed earlier today. */
  days_overdue: number;
}

export interface Digest {
  /** Read now from the current contacts, never from the job: a removed contact gets nothing. */
  email: string;
  sentAt: Date | null;
  reports: DigestReport[];
}

/** A recorded digest with its recipient's address and overdue reports as of now; undefined when
 * the digest was never recorded or its recipient is no longer anyone's supervisor. */
export async function digestToSend(db: Queryable, d: QueuedDigest): Promise<Digest | undefined> {
  const [row] = await db.query<{ email: string; sent_at: Date | null }>(sql`
    SELECT c.email, g.sent_at
    FROM supervisor_digests g
    JOIN (SELECT supervisor_email AS email FROM departments
          UNION SELECT supervisor_email FROM kelurahan) c
      ON c.email IS NOT NULL AND ${recipientKey(sql`c.email`)} = g.recipient_sha256
    WHERE g.digest_date = ${d.digestDate}::date AND g.recipient_sha256 = ${d.recipient}
    LIMIT 1`);
  if (!row) return undefined;
  const reports = await db.query<DigestReport>(sql`
    SELECT r.code, c.name_id AS category_id, c.name_en AS category_en,
           k.name AS kelurahan_name, d.name AS department_name,
           ((now() AT TIME ZONE 'Asia/Jakarta')::date - (r.due_at AT TIME ZONE 'Asia/Jakarta')::date) AS days_overdue
    FROM reports r
    JOIN categories c ON c.code = r.category_code
    JOIN kelurahan k ON k.code = r.kelurahan_code
    JOIN kelurahan desk ON desk.code = ${deskKelurahan('r')}
    JOIN departments d ON d.code = r.department_code
    WHERE ${isOverdue('r')} AND NOT r.is_synthetic
      AND (lower(d.supervisor_email) = lower(${row.email}) OR lower(desk.supervisor_email) = lower(${row.email}))
    ORDER BY r.due_at, r.code`);
  return { email: row.email, sentAt: row.sent_at, reports };
}

/** Marks the digest sent, with how many reports it listed. */
export async function markDigestSent(db: Queryable, d: QueuedDigest, reportCount: number): Promise<void> {
  await db.query(sql`
    UPDATE supervisor_digests SET sent_at = now(), report_count = ${reportCount}
    WHERE digest_date = ${d.digestDate}::date AND recipient_sha256 = ${d.recipient}`);
}
