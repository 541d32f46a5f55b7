// Prepares a Gammu SMSD for the SMS channel: its database (created with SMSD's own schema when
// missing) and an smsdrc with absolute paths. Used by start.sh (npm run sms:gateway) and by the
// SMS tests, which each run a real gammu-smsd.
//   tsx scripts/sms-gateway/setup.ts --database-url postgres://… --dir .data/sms-gateway [--log stderr]
// prints the smsdrc path.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import pg from 'pg';
import { createDatabaseIfMissing } from '../../server/src/db/create-database.ts';

// Debian's gammu-smsd package ships the schema here; some releases gzip it.
const schemaCandidates = ['/usr/share/doc/gammu-smsd/examples/pgsql.sql', '/usr/share/doc/gammu-smsd/examples/pgsql.sql.gz'];
const templateFile = path.join(import.meta.dirname, 'smsdrc.template');

function smsdSchema(): string {
  const file = schemaCandidates.find((f) => fs.existsSync(f));
  if (!file) throw new Error(`SMSD schema not found (${schemaCandidates.join(', ')}): apt-get install -y gammu-smsd`);
  const bytes = fs.readFileSync(file);
  // The script still says CREATE LANGUAGE plpgsql, which fails since PostgreSQL 9 has it built in.
  return (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8').replace(/^CREATE LANGUAGE plpgsql;$/m, '');
}

/** Creates the SMSD database at `url` and its tables, unless they exist. True when it created anything. */
export async function createGatewayDatabase(url: string): Promise<boolean> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const server = new URL(url);
  server.pathname = '/postgres';
  await createDatabaseIfMissing(server.toString(), name);
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const tables = await db.query(`SELECT to_regclass('public.gammu') AS gammu`);
    if (tables.rows[0].gammu) return false;
    await db.query(smsdSchema());
    return true;
  } finally {
    await db.end();
  }
}

/** smsdrc for the SMSD database at `url`, with the dummy phone in `phoneDir`. */
export function smsdrc(o: { url: string; phoneDir: string; logFile: string }): string {
  const u = new URL(o.url);
  const values: Record<string, string> = {
    PHONE_DIR: path.resolve(o.phoneDir),
    HOST: `${u.hostname}:${u.port || '5432'}`,
    USER: decodeURIComponent(u.username || 'postgres'),
    PASSWORD: decodeURIComponent(u.password),
    DATABASE: decodeURIComponent(u.pathname.slice(1)),
    LOGFILE: ['stderr', 'stdout', 'syslog'].includes(o.logFile) ? o.logFile : path.resolve(o.logFile),
  };
  return fs.readFileSync(templateFile, 'utf8').replace(/@([A-Z_]+)@/g, (_, key: string) => values[key]);
}

/** Database, phone folder and smsdrc in `dir`; returns the smsdrc's path. */
export async function prepareGateway(o: { url: string; dir: string; logFile?: string }): Promise<string> {
  await createGatewayDatabase(o.url);
  const phoneDir = path.resolve(o.dir, 'phone');
  fs.mkdirSync(phoneDir, { recursive: true });
  const file = path.resolve(o.dir, 'smsdrc');
  fs.writeFileSync(file, smsdrc({ url: o.url, phoneDir, logFile: o.logFile ?? path.join(o.dir, 'smsd.log') }));
  return file;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { 'database-url': { type: 'string' }, dir: { type: 'string' }, log: { type: 'string' } } });
  if (!values['database-url'] || !values.dir) {
    console.error('usage: tsx scripts/sms-gateway/setup.ts --database-url postgres://… --dir FOLDER [--log stderr|FILE]');
    process.exit(2);
  }
  console.log(await prepareGateway({ url: values['database-url'], dir: values.dir, logFile: values.log }));
}
