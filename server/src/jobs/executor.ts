import type PgBoss from 'pg-boss';
import { sqlState, type Database, type Queryable, type Sql } from '../db/database.ts';

// pg-boss talks to its database through `executeSql(text, values)`. This adapter lets it use our
// Database (the embedded PGlite, which has no TCP port for pg-boss's own pool) or an open
// transaction (a job sent together with the rows that caused it, or not at all).

/** Database.query reads only `text` and `values`; pg-boss's SQL comes with its $n placeholders. */
const prepared = (text: string, values: unknown[]) => ({ text, values }) as unknown as Sql;

// 42601: the extended protocol refuses several statements in one prepared query.
const isMultiStatement = (error: unknown) =>
  sqlState(error) === '42601' && /multiple commands/i.test((error as Error).message);

export function executorFor(q: Queryable | Database): PgBoss.Db {
  return {
    async executeSql(text, values) {
      try {
        return { rows: await q.query(prepared(text, values ?? [])) };
      } catch (error) {
        // pg-boss installs its schema and runs maintenance as scripts of several statements
        // (BEGIN; …; COMMIT;) without parameters; none of them returns rows that it reads.
        if (!values?.length && 'exec' in q && isMultiStatement(error)) {
          await q.exec(text);
          return { rows: [] };
        }
        throw error;
      }
    },
  };
}
