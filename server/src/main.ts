import path from 'node:path';
import { buildApp } from './app.ts';
import { ConfigError, readConfig } from './config.ts';
import { openDatabase } from './db/connect.ts';
import { sql, type Database } from './db/database.ts';
import { connectPostgres } from './db/postgres.ts';
import { digestEmailQueue, digestQueue } from './escalation/digest-job.ts';
import { escalationQueue } from './escalation/job.ts';
import { exportSnapshotQueue } from './exports/snapshot-job.ts';
import { startJobs, stopJobs } from './jobs/runner.ts';
import { createMailer } from './notifications/mailer.ts';
import { notificationTopics } from './notifications/outbox-topics.ts';
import { startOutbox } from './outbox/drain.ts';
import { notificationQueues } from './notifications/queues.ts';
import { prepareDatabase } from './prepare-database.ts';
import { surviveConnectionLoss } from './process/last-resort.ts';
import { stopOnSignals } from './process/shutdown.ts';
import { sweepPhotosRegularly } from './reports/photo-sweep.ts';
import { seedRoutingSamples } from './routing-rules/seed.ts';
import { startSmsChannel } from './sms/channel.ts';
import { createDemoAccounts } from './staff/demo-accounts.ts';

const log = (message: string) => console.log(`[petawarga] ${message}`);

/** A fresh install shows a living map: synthetic reports, marked as such, when there are none. */
async function seedDemoIfEmpty(db: Database, count: number, photosDir: string) {
  if (count === 0) return;
  const [{ reports }] = await db.query<{ reports: number }>(sql`SELECT count(*)::int AS reports FROM reports`);
  if (reports > 0) return;
  // First, so that the demo timelines name the officers who handled each report.
  const accounts = await createDemoAccounts(db);
  if (accounts) log(`Created ${accounts} demo staff accounts (see README: demo only).`);
  log(`Empty database: seeding ${count} synthetic demo reports (DEMO_REPORTS=0 turns this off)…`);
  const { seedDemoReports } = await import('./demo/seed.ts');
  const { inserted, milliseconds } = await seedDemoReports(db, { count, photosDir });
  log(`Seeded ${inserted} demo reports in ${(milliseconds / 1000).toFixed(1)} s.`);
}

async function main() {
  surviveConnectionLoss(log);
  const config = readConfig();
  const started = Date.now();
  log(config.databaseUrl ? 'Connecting to PostgreSQL (DATABASE_URL)…' : `No DATABASE_URL: using the embedded database in ${config.dataDir}`);
  const db = await openDatabase(config, log, { waitForPostgres: true });
  await prepareDatabase(db, log);
  const { samplesAdded } = await seedRoutingSamples(db);
  if (samplesAdded) log('Added sample routing layers and rules (data/layers/SOURCE.md: approximations, not official data).');
  const photosDir = path.join(config.dataDir, 'photos');
  await seedDemoIfEmpty(db, config.demoReports, photosDir);
  if (config.databaseReadUrl) log('Public reads go to the replica at DATABASE_READ_URL when it has caught up.');
  const readDb = config.databaseReadUrl ? await connectPostgres(config.databaseReadUrl) : undefined;

  const sms = config.smsGatewayDatabaseUrl ? await startSmsChannel(db, config.smsGatewayDatabaseUrl, config, log) : undefined;
  const mailer = createMailer(config, log);
  await startJobs(db, config, [
    ...notificationQueues({ db, publicBaseUrl: config.publicBaseUrl, mailer, sms }),
    escalationQueue(db, { log }),
    // The supervisors' daily digest, when e-mail is on.
    ...(mailer ? [digestEmailQueue({ db, mailer, publicBaseUrl: config.publicBaseUrl })] : []),
    digestQueue(db, { log }),
    exportSnapshotQueue(db, config.dataDir, { log }),
  ], { log });
  // What committed changes leave in the outbox (notices to reporters) is handed to the jobs.
  const outbox = await startOutbox(db, notificationTopics(db), { log });
  // Photo files of requests that never finished (a killed process, a COMMIT lost with the
  // connection) are settled now and then.
  const photoSweep = sweepPhotosRegularly(db, photosDir, log);
  const app = await buildApp({ config, db, readDb, logger: { level: config.logLevel } });
  stopOnSignals([
    // No new connections; requests in hand finish and are answered; idle keep-alive
    // connections are closed.
    ['HTTP server', () => app.close()],
    ['outbox', () => outbox.stop()],
    ['photo sweep', () => photoSweep.stop()],
    // Workers finish the job in hand (an SMS notice needs the gateway, so before sms.stop);
    // what is still running after 10 s goes back to its queue for another instance.
    ['jobs', () => stopJobs(db)],
    ['SMS channel', () => sms?.stop()],
    ['mailer', () => mailer?.close()],
    ['replica connections', () => readDb?.close()],
    ['database connections', () => db.close()],
  ], log);

  await app.listen({ port: config.port, host: config.host });
  log(`Ready in ${((Date.now() - started) / 1000).toFixed(1)} s: http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}/ (API docs at /docs)`);
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('[petawarga] could not start:', error);
  }
  process.exit(1);
});
