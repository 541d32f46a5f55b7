import { describe, expect, it } from 'vitest';
import { readConfig } from '../../server/src/config.ts';
import { withDatabase } from '../../server/src/test/database.ts';
import { itNeeding, postgres } from '../../server/src/test/requirements.ts';
import { BenchSetupError, createScratchDatabase } from './server-database.ts';

describe('the bench on a DATABASE_URL it cannot use', () => {
  itNeeding([[postgres, 'connects to a PostgreSQL server by URL']],
    'says how to create a database that does not exist instead of SQLSTATE 3D000', async () => {
      const missing = withDatabase(readConfig().databaseUrl!, 'petawarga_no_such_database');
      const failure = await createScratchDatabase(missing, 'petawarga_bench_never_made').catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(BenchSetupError);
      expect((failure as Error).message).toMatch(/"petawarga_no_such_database", which does not exist/);
      expect((failure as Error).message).toMatch(/createdb -h \S+ -p \d+ -U \S+ petawarga_no_such_database/);
    });
});
