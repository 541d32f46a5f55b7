// npm run db:migrate: applies pending migrations, loads boundaries and reference data, on the
// database the configuration names (DATABASE_URL, else the embedded one in DATA_DIR).
import { readConfig } from '../server/src/config.ts';
import { openDatabase } from '../server/src/db/connect.ts';
import { prepareDatabase } from '../server/src/prepare-database.ts';

const log = (message: string) => console.log(`[petawarga] ${message}`);
const db = await openDatabase(readConfig(), log);
try {
  await prepareDatabase(db, log);
  log('database is up to date');
} finally {
  await db.close();
}
