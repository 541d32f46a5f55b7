import { raw, sql, type Queryable } from '../db/database.ts';

// A bulk load into a table with many secondary indexes pays a random index insertion per row
// per index; building each index once from the finished table is a sort instead. Run only
// while holding the write lock on reports (load.ts lockReports), so no other session sees
// reports without its indexes: the drop and the rebuild commit together with the rows.

/** Below this many new reports, maintaining the indexes row by row is cheaper than rebuilding. */
export const rebuildIndexesFrom = 50_000;

/**
 * Drops every index of reports but the primary key and the unique tracking code (report_events
 * references the one; assignTrackingCodes relies on the other) and returns their definitions.
 */
export async function dropSecondaryIndexes(tx: Queryable): Promise<string[]> {
  const indexes = await tx.query<{ name: string; definition: string }>(sql`
    SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
    FROM pg_index i
    WHERE i.indrelid = 'reports'::regclass AND NOT i.indisprimary AND NOT i.indisunique
    ORDER BY 1`);
  for (const { name } of indexes) await tx.query(sql`DROP INDEX ${raw(name)}`);
  return indexes.map((i) => i.definition);
}

/** Builds again the indexes dropSecondaryIndexes returned, from the table as it now stands. */
export async function rebuildIndexes(tx: Queryable, definitions: string[]): Promise<void> {
  await tx.query(sql`SET LOCAL maintenance_work_mem = '512MB'`);
  for (const definition of definitions) await tx.query(sql`${raw(definition)}`);
}
