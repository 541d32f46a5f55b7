import fs from 'node:fs';
import path from 'node:path';
import type { Database } from './database.ts';

/** One file per SQL function, with its current body and its triggers (db/functions/README.md). */
export const functionsDir = path.resolve(import.meta.dirname, '../../../db/functions');

// A LANGUAGE sql function is parsed when it is created, so a function it calls must exist by
// then; plpgsql bodies are only parsed when called. These load before the rest (name order):
//   mercator_cell         called by report_cluster_cells_add and report_cluster_weeks_add
//   report_week           called by report_cluster_weeks_add
//   working_day_deadline  called by add_working_days
const loadFirst = ['mercator_cell.sql', 'report_week.sql', 'working_day_deadline.sql'];

/** The function files in the order they are applied. */
export function functionFiles(): string[] {
  const byName = fs.readdirSync(functionsDir).filter((file) => file.endsWith('.sql')).sort();
  return [...loadFirst, ...byName.filter((file) => !loadFirst.includes(file))];
}

/**
 * Creates or replaces every function and trigger in db/functions, after the migrations, in one
 * transaction: either the database has all of today's bodies or it keeps the ones it had.
 */
export async function applyFunctions(db: Database): Promise<void> {
  const scripts = functionFiles().map((file) => fs.readFileSync(path.join(functionsDir, file), 'utf8'));
  // Two instances starting together would replace the same catalogue rows at once, and the
  // second would fail with "tuple concurrently updated"; this lock makes it wait its turn.
  const script = ["SELECT pg_advisory_xact_lock(hashtext('petawarga db/functions'));", ...scripts].join('\n');
  await db.exec(`BEGIN;\n${script}\nCOMMIT;`).catch(async (error) => {
    await db.exec('ROLLBACK').catch(() => undefined);
    throw new Error(`Applying db/functions failed: ${(error as Error).message}`, { cause: error });
  });
}
