import { sql, type Queryable } from '../db/database.ts';

/**
 * Writes SENSITIVE_GRID_M where the database's triggers read it (privacy_settings). A new size
 * moves the public points of every sensitive report, with their cluster cells and cached tiles
 * (db/functions/refresh_public_locations.sql); the same size changes nothing.
 */
export async function applySensitiveGrid(db: Queryable, gridM: number): Promise<void> {
  await db.query(sql`UPDATE privacy_settings SET sensitive_grid_m = ${gridM} WHERE sensitive_grid_m <> ${gridM}`);
}
