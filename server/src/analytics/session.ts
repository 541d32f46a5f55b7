import { sql, type Database, type Queryable } from '../db/database.ts';

/**
 * Runs analysis queries in one read transaction with settings for a million-row scan:
 * - jit off: PostGIS declares its functions expensive, so the planner turns on LLVM JIT, whose
 *   compilation alone took 4–5 s of a 5.7 s Gi* query on the benchmark (scripts/bench/);
 * - work_mem 64 MB: grouping a million reports into cells then hashes in memory instead of
 *   sorting on disk.
 * SET LOCAL ends with the transaction, so the pool's connections keep their defaults.
 */
export async function inAnalysisSession<T>(db: Database, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query(sql`SET LOCAL jit = off`);
    await tx.query(sql`SET LOCAL work_mem = '64MB'`);
    return fn(tx);
  });
}
