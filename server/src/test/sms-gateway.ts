import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { dropSms } from '../../../scripts/sms-gateway/drop-sms.ts';
import { prepareGateway } from '../../../scripts/sms-gateway/setup.ts';
import { readConfig } from '../config.ts';
import { sql, type Database } from '../db/database.ts';
import { connectPostgres } from '../db/postgres.ts';
import { withDatabase } from './database.ts';
import { eventually } from './eventually.ts';
import { gammuSmsd, postgres, type Needs } from './requirements.ts';

// A real Gammu SMSD for one test file: its own database and dummy phone in a temp folder. The
// database name starts petawarga_test_ so that CI's clean-up of old test databases takes it too.

export interface TestGateway {
  /** SMSD's database. */
  db: Database;
  url: string;
  /** The resident's side: the dummy phone receives this SMS (as drop-sms.ts does). */
  receive(from: string, text: string, sentAt?: Date): void;
  /** The daemon's log, for failure messages. */
  log(): string;
  close(): Promise<void>;
}

/** What a test through the gateway needs: SMSD keeps its inbox and outbox in PostgreSQL. */
export const smsGateway: Needs = [
  [postgres, 'Gammu SMSD keeps its inbox and outbox in a PostgreSQL database of its own'],
  [gammuSmsd, 'messages pass through a real Gammu SMSD with its dummy phone'],
];

export async function startTestGateway(): Promise<TestGateway> {
  const { databaseUrl } = readConfig();
  if (!databaseUrl) throw new Error('the SMS gateway tests need PostgreSQL: set DATABASE_URL');
  if (!gammuSmsd.met) throw new Error('gammu-smsd is not installed: apt-get install -y gammu-smsd');
  const name = `petawarga_test_smsd_${randomBytes(5).toString('hex')}`;
  const url = withDatabase(databaseUrl, name);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'petawarga-smsd-'));
  const logFile = path.join(dir, 'smsd.log');
  const smsdrc = await prepareGateway({ url, dir, logFile });
  const daemon: ChildProcess = spawn('gammu-smsd', ['-c', smsdrc], { stdio: 'ignore' });
  const log = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '(no log)');
  const db = await connectPostgres(url, 4);

  const close = async () => {
    if (daemon.exitCode === null) {
      const exited = new Promise((r) => daemon.once('exit', r));
      daemon.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (daemon.exitCode === null) daemon.kill('SIGKILL');
    }
    await db.close();
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    fs.rmSync(dir, { recursive: true, force: true });
  };

  try {
    // SMSD registers its phone once it is connected and polling.
    await eventually(async () => {
      if (daemon.exitCode !== null) throw new Error(`gammu-smsd exited (${daemon.exitCode}):\n${log()}`);
      const [phone] = await db.query(sql`SELECT 1 AS up FROM phones`);
      return phone;
    }, { what: 'gammu-smsd to start', timeoutMs: 15_000 });
  } catch (error) {
    await close();
    throw error;
  }
  return {
    db,
    url,
    receive: (from, text, sentAt) => void dropSms(path.join(dir, 'phone'), { from, text, sentAt }),
    log,
    close,
  };
}
