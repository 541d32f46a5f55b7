// How long deadlines take in bulk: `npx tsx scripts/bench/deadlines.ts`, with
// DATABASE_URL for PostgreSQL, without it on the embedded database. It works on a throwaway
// test database, never on the configured one.
import { sql, type Sql } from '../../server/src/db/database.ts';
import { createTestDatabase } from '../../server/src/test/database.ts';
import prepareTemplate from '../../server/src/test/global-setup.ts';

const rows = 100_000;
await prepareTemplate();
const t = await createTestDatabase();

async function time(label: string, query: Sql) {
  const started = performance.now();
  const [result] = await t.db.query<{ computed: number }>(query);
  const ms = performance.now() - started;
  console.log(`${t.db.kind}: ${label}: ${result.computed} deadlines in ${ms.toFixed(0)} ms (${((ms * 1000) / rows).toFixed(1)} µs each)`);
}

// Submission instants spread over 2025–2027 at every hour of the day, with 1–15 working days
// as the categories give; fixed arithmetic, no randomness.
const submissions = sql`
  SELECT timestamptz '2025-01-01 00:00+07' + (i * 947 % 1095) * interval '1 day' + (i * 7919 % 86400) * interval '1 second' AS start,
         1 + i % 15 AS days
  FROM generate_series(1, ${rows}::integer) AS i`;

try {
  await time('add_working_days, one call per row', sql`
    SELECT count(add_working_days(s.start, s.days)) AS computed FROM (${submissions}) AS s`);
  await time('working_day_deadline, inlined as joins', sql`
    SELECT count(d.due_at) AS computed FROM (${submissions}) AS s, LATERAL working_day_deadline(s.start, s.days) AS d`);
  const started = performance.now();
  await t.db.query(sql`SELECT refresh_working_calendar()`);
  console.log(`${t.db.kind}: rebuilding the working calendar after a holiday change: ${(performance.now() - started).toFixed(0)} ms`);
} finally {
  await t.drop();
}
