import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { photoPaths } from '../reports/photos.ts';
import { createDemoAccounts } from '../staff/demo-accounts.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { seedDemoReports } from './seed.ts';

// What a first start shows: every demo report's status, deadline, timeline and photos agree.

const now = new Date('2026-06-15T05:00:00Z');
const count = 3000;

let t: TestDatabase;
let photosDir: string;
beforeAll(async () => {
  t = await createTestDatabase();
  photosDir = await mkdtemp(path.join(os.tmpdir(), 'demo-photos-'));
  await createDemoAccounts(t.db);
  await seedDemoReports(t.db, { count, seed: 7, now, photosDir });
});
afterAll(async () => {
  await t?.drop();
  if (photosDir) await rm(photosDir, { recursive: true, force: true });
});

const one = async <Row>(statement: ReturnType<typeof sql>) => (await t.db.query<Row>(statement))[0];

describe('the lifecycle of demo reports', () => {
  it("ends every report's timeline with the report's own status, each step later than the last", async () => {
    const row = await one<{ disagreeing: number; out_of_order: number; events: number }>(sql`
      WITH latest AS (
        SELECT DISTINCT ON (e.report_id) e.report_id, e.new_value ->> 'status' AS status
        FROM report_events e
        WHERE e.new_value ? 'status'
        ORDER BY e.report_id, e.id DESC
      ),
      steps AS (
        SELECT created_at < lag(created_at) OVER (PARTITION BY report_id ORDER BY id) AS backwards,
               old_value ->> 'status' IS DISTINCT FROM lag(new_value ->> 'status') OVER (PARTITION BY report_id ORDER BY id)
                 AND old_value ? 'status' AS broken_chain
        FROM report_events WHERE new_value ? 'status'
      )
      SELECT (SELECT count(*)::int FROM reports r LEFT JOIN latest l ON l.report_id = r.id
              WHERE l.status IS DISTINCT FROM r.status) AS disagreeing,
             (SELECT count(*)::int FROM steps WHERE backwards OR broken_chain) AS out_of_order,
             (SELECT count(*)::int FROM report_events) AS events`);
    expect(row.disagreeing).toBe(0);
    expect(row.out_of_order).toBe(0);
    expect(row.events).toBeGreaterThan(count * 3);
  });

  it('gives each status a believable share, and never a time after now', async () => {
    const rows = await t.db.query<{ status: string; share: number }>(sql`
      SELECT status, count(*)::float8 / ${count} AS share FROM reports GROUP BY status`);
    const share = Object.fromEntries(rows.map((r) => [r.status, r.share]));
    expect(share.submitted).toBeGreaterThan(0);
    expect(share.submitted).toBeLessThan(0.01);
    expect(share.rejected).toBeGreaterThan(0);
    expect(share.rejected).toBeLessThan(0.02);
    for (const open of ['published', 'assigned', 'in_progress']) {
      expect(share[open]).toBeGreaterThan(0.01);
      expect(share[open]).toBeLessThan(0.1);
    }
    expect(share.resolved).toBeGreaterThan(0.3);
    expect(share.closed).toBeGreaterThan(0.3);
    const late = await one<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM report_events WHERE created_at > ${now}::timestamptz`);
    expect(late.n).toBe(0);
  });

  it('gives every published report the deadline of the working-day calendar, and leaves some overdue', async () => {
    const row = await one<{ wrong: number; without: number; overdue: number; reopened_wrong: number; on_time: number }>(sql`
      SELECT count(*) FILTER (WHERE r.due_at IS DISTINCT FROM
                                (SELECT w.due_at FROM working_day_deadline(r.due_counted_from, c.response_working_days) w)
                              OR r.due_working_days IS DISTINCT FROM c.response_working_days)::int AS wrong,
             count(*) FILTER (WHERE r.due_at IS NULL AND r.status NOT IN ('submitted', 'rejected'))::int AS without,
             count(*) FILTER (WHERE r.due_at < ${now}::timestamptz AND r.status IN ('published', 'assigned', 'in_progress'))::int AS overdue,
             -- Counted from the submission, or from the latest reopening (deadlines/due-at.ts).
             count(*) FILTER (WHERE r.due_at IS NOT NULL AND r.due_counted_from IS DISTINCT FROM COALESCE(
               (SELECT max(e.created_at) FROM report_events e WHERE e.report_id = r.id AND e.kind = 'reopened'),
               r.created_at))::int AS reopened_wrong,
             avg((r.resolved_at <= r.due_at)::int) FILTER (WHERE r.due_at IS NOT NULL) AS on_time
      FROM reports r JOIN categories c ON c.code = r.category_code
      WHERE r.due_at IS NOT NULL OR r.status NOT IN ('submitted', 'rejected')`);
    expect(row).toMatchObject({ wrong: 0, without: 0, reopened_wrong: 0 });
    expect(row.overdue).toBeGreaterThan(30);
    expect(row.on_time).toBeGreaterThan(0.4);
    expect(row.on_time).toBeLessThan(0.9);
  });

  it('sets resolved_at to the latest resolution of every resolved or closed report, and only theirs', async () => {
    const row = await one<{ wrong: number; reopened: number }>(sql`
      SELECT count(*) FILTER (WHERE r.resolved_at IS DISTINCT FROM CASE WHEN r.status IN ('resolved', 'closed') THEN
               (SELECT max(e.created_at) FROM report_events e
                WHERE e.report_id = r.id AND e.kind = 'status_changed' AND e.new_value ->> 'status' = 'resolved') END)::int AS wrong,
             (SELECT count(DISTINCT report_id)::int FROM report_events WHERE kind = 'reopened') AS reopened
      FROM reports r`);
    expect(row.wrong).toBe(0);
    expect(row.reopened).toBeGreaterThan(5);
  });

  it('fills the moderation queue with held reports that say why they were held', async () => {
    const row = await one<{ queued: number; explained: number }>(sql`
      SELECT count(*)::int AS queued,
             count(*) FILTER (WHERE r.moderation_flags -> 'flags' ? 'many_from_address'
                                AND EXISTS (SELECT 1 FROM report_events e WHERE e.report_id = r.id
                                            AND e.kind = 'held_for_moderation' AND NOT e.is_public))::int AS explained
      FROM reports r WHERE r.status = 'submitted'`);
    expect(row.queued).toBeGreaterThanOrEqual(3);
    expect(row.explained).toBe(row.queued);
  });

  it('answers every resolved report publicly and shows an after photo whose files exist', async () => {
    const reports = await t.db.query<{ code: string; response: string | null; photo_ids: string[] }>(sql`
      SELECT r.code,
             (SELECT e.reason FROM report_events e
              WHERE e.report_id = r.id AND e.kind = 'status_changed' AND e.new_value ->> 'status' = 'resolved'
              ORDER BY e.id DESC LIMIT 1) AS response,
             ARRAY(SELECT p.id::text FROM report_photos p WHERE p.report_id = r.id AND p.kind = 'after') AS photo_ids
      FROM reports r WHERE r.status IN ('resolved', 'closed')`);
    expect(reports.length).toBeGreaterThan(count * 0.6);
    const missing = reports.filter((r) => !r.response?.trim() || r.photo_ids.length === 0);
    expect(missing).toEqual([]);
    const files = reports.flatMap((r) => r.photo_ids.flatMap((id) => Object.values(photoPaths(photosDir, id))));
    expect(files.filter((f) => !fs.existsSync(f))).toEqual([]);
    // The upload markers are settled once the seed has committed (reports/photo-sweep.ts).
    expect(fs.readdirSync(photosDir).filter((f) => f.endsWith('.pending'))).toEqual([]);
  });

  it('answers a few reports otherwise than by a fix, each with what its outcome requires and an explanation', async () => {
    const rows = await t.db.query<{ status: string; n: number; explained: number; complete: number; timed: number; fixed: number }>(sql`
      SELECT r.status, count(*)::int AS n,
             count(*) FILTER (WHERE length(e.reason) > 40)::int AS explained,
             count(*) FILTER (WHERE CASE r.status WHEN 'referred' THEN length(e.new_value ->> 'agency') > 5
                                                  WHEN 'cannot_fix' THEN length(e.new_value ->> 'reason') > 5
                                                  ELSE true END)::int AS complete,
             count(*) FILTER (WHERE r.outcome_at = e.created_at AND r.resolved_at IS NULL)::int AS timed,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM report_events f WHERE f.report_id = r.id
                                            AND f.new_value ->> 'status' IN ('resolved', 'in_progress') AND r.status = 'referred')
                                 OR EXISTS (SELECT 1 FROM report_photos p WHERE p.report_id = r.id AND p.kind = 'after'))::int AS fixed
      FROM reports r
      JOIN LATERAL (SELECT * FROM report_events e WHERE e.report_id = r.id ORDER BY e.id DESC LIMIT 1) e ON true
      WHERE r.status IN ('referred', 'cannot_fix', 'no_action_needed')
      GROUP BY r.status ORDER BY r.status`);
    expect(rows.map((r) => r.status)).toEqual(['cannot_fix', 'no_action_needed', 'referred']);
    for (const row of rows) {
      expect(row.n, row.status).toBeGreaterThanOrEqual(5);
      expect(row.n, row.status).toBeLessThan(count * 0.05);
      expect(row, row.status).toMatchObject({ explained: row.n, complete: row.n, timed: row.n, fixed: 0 });
    }
    const others = await one<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM reports
      WHERE (outcome_at IS NOT NULL) <> (status IN ('referred', 'cannot_fix', 'no_action_needed'))`);
    expect(others.n).toBe(0);
  });

  it('credits staff steps to staff of the desk and lets residents submit and reopen', async () => {
    const rows = await t.db.query<{ kind: string; actor_kind: string; n: number }>(sql`
      SELECT e.kind, CASE WHEN s.id IS NOT NULL THEN s.role ELSE e.actor END AS actor_kind, count(*)::int AS n
      FROM report_events e LEFT JOIN staff s ON e.actor = 'staff:' || s.id
      GROUP BY 1, 2 ORDER BY 1, 2`);
    const actors = (kind: string) => new Set(rows.filter((r) => r.kind === kind).map((r) => r.actor_kind));
    expect(actors('reopened')).toEqual(new Set(['resident']));
    expect(actors('published')).toEqual(new Set(['system']));
    const filed = await one<{ wrong: number }>(sql`
      SELECT count(*)::int AS wrong
      FROM report_events e JOIN reports r ON r.id = e.report_id
      WHERE e.kind = 'submitted'
        AND (e.actor = 'resident') IS DISTINCT FROM (r.channel IN ('web', 'sms'))`);
    expect(filed.wrong).toBe(0);
    expect([...actors('status_changed')].every((a) => ['admin', 'moderator', 'department_officer', 'kelurahan_officer'].includes(a))).toBe(true);
    const pupr = await one<{ wrong: number; right: number }>(sql`
      SELECT count(*) FILTER (WHERE s.role <> 'department_officer')::int AS wrong,
             count(*) FILTER (WHERE s.role = 'department_officer')::int AS right
      FROM report_events e JOIN reports r ON r.id = e.report_id JOIN staff s ON e.actor = 'staff:' || s.id
      WHERE r.department_code = 'tgr-pupr' AND e.kind = 'status_changed' AND e.new_value ->> 'status' IN ('in_progress', 'resolved')`);
    expect(pupr).toMatchObject({ wrong: 0 });
    expect(pupr.right).toBeGreaterThan(0);
  });
});
