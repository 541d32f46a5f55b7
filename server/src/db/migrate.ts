import fs from 'node:fs';
import path from 'node:path';
import { Umzug, type UmzugStorage } from 'umzug';
import { sql, type Database } from './database.ts';
import { applyFunctions, functionFiles } from './functions.ts';

export const migrationsDir = path.resolve(import.meta.dirname, '../../../db/migrations');

// Umzug keeps its ledger through our Database, so one migration runner serves PostgreSQL and
// the embedded database alike. Each migration is a plain .sql file run in its own transaction.
function ledger(db: Database): UmzugStorage {
  return {
    // The migration's own transaction already logged it (see up below); this is a no-op then.
    async logMigration({ name }) {
      await db.query(sql`INSERT INTO schema_migrations (name) VALUES (${name}) ON CONFLICT DO NOTHING`);
    },
    async unlogMigration({ name }) {
      await db.query(sql`DELETE FROM schema_migrations WHERE name = ${name}`);
    },
    async executed() {
      await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        name text PRIMARY KEY,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
      const rows = await db.query<{ name: string }>(sql`SELECT name FROM schema_migrations ORDER BY name`);
      return rows.map((r) => r.name);
    },
  };
}

export function migrator(db: Database, log: (message: string) => void = () => undefined) {
  return new Umzug({
    migrations: {
      glob: ['*.sql', { cwd: migrationsDir }],
      resolve: ({ name, path: file }) => ({
        name,
        up: async () => {
          const script = fs.readFileSync(file!, 'utf8');
          // Script and ledger row commit together, so a crash never leaves a migration applied
          // but unrecorded. File names are ours ([0-9a-z_.]), safe to inline.
          if (!/^[0-9a-z_.-]+$/i.test(name)) throw new Error(`Unsafe migration file name: ${name}`);
          const record = `INSERT INTO schema_migrations (name) VALUES ('${name}');`;
          await db.exec(`BEGIN;\n${script}\n${record}\nCOMMIT;`).catch(async (error) => {
            await db.exec('ROLLBACK').catch(() => undefined);
            throw new Error(`Migration ${name} failed: ${(error as Error).message}`, { cause: error });
          });
        },
      }),
    },
    storage: ledger(db),
    logger: {
      info: (m) => {
        const { event, name } = m as { event?: string; name?: string };
        if (event === 'migrated') log(`migration applied: ${name}`);
      },
      warn: (m) => log(String(JSON.stringify(m))),
      error: (m) => log(String(JSON.stringify(m))),
      debug: () => undefined,
    },
  });
}

/**
 * Applies every pending migration, in file-name order, then every file of db/functions: the
 * functions' current bodies replace whatever the migrations defined.
 */
export async function migrate(db: Database, log?: (message: string) => void): Promise<string[]> {
  const applied = await migrator(db, log).up();
  await applyFunctions(db);
  log?.(`functions and triggers applied: ${functionFiles().length} files of db/functions`);
  return applied.map((m) => m.name);
}
