import type pg from 'pg';
import sql, { raw } from 'sql-template-tag';

/** What a backup records of its database, and a restore checks it got back. */
export interface DatabaseFacts {
  /** Rows of every table, by schema-qualified name; PostGIS's own tables left out (the extension recreates them). */
  tables: Record<string, number>;
  migrations: { count: number; last: string | null };
  serverVersion: string;
}

export async function databaseFacts(client: pg.ClientBase): Promise<DatabaseFacts> {
  const tables = await ownTables(client);
  const counts: Record<string, number> = {};
  for (const t of tables) {
    // The name comes from the catalogue, quoted by quote_ident, so it is safe to inline.
    const { rows } = await client.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${raw(t.quoted)}`);
    counts[t.name] = rows[0].n;
  }
  const migrations = counts['public.schema_migrations'] === undefined
    ? { count: 0, last: null }
    : (await client.query<{ count: number; last: string | null }>(sql`
        SELECT count(*)::int AS count, max(name) AS last FROM schema_migrations`)).rows[0];
  const { rows: [{ server_version }] } = await client.query<{ server_version: string }>(sql`SHOW server_version`);
  return { tables: counts, migrations, serverVersion: server_version };
}

/**
 * Whether the database holds tables of its own: a restore over them needs --force. A new
 * database, even with PostGIS installed, counts as empty.
 */
export async function hasOwnTables(client: pg.ClientBase): Promise<boolean> {
  return (await ownTables(client)).length > 0;
}

/**
 * Ordinary tables outside the system schemas, not members of an extension (spatial_ref_sys).
 * Partitioned parents are left out: their rows are their partitions' rows, counted there.
 */
async function ownTables(client: pg.ClientBase): Promise<{ name: string; quoted: string }[]> {
  const { rows } = await client.query<{ name: string; quoted: string }>(sql`
    SELECT n.nspname || '.' || c.relname AS name,
           quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS quoted
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind = 'r'
      AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
      AND NOT EXISTS (SELECT 1 FROM pg_depend d
                      WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
    ORDER BY 1`);
  return rows;
}

/** The ids of report_photos rows: each names `<id>.jpg` and `<id>.thumb.jpg` in DATA_DIR/photos. */
export async function photoIds(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ to_regclass: string | null }>(sql`SELECT to_regclass('public.report_photos')`);
  if (!rows[0].to_regclass) return [];
  const ids = await client.query<{ id: string }>(sql`SELECT id::text FROM report_photos ORDER BY id`);
  return ids.rows.map((r) => r.id);
}
