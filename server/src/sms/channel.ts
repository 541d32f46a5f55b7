import path from 'node:path';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { connectPostgres } from '../db/postgres.ts';
import { notifySmsReporter, type NoticeResult } from './notify.ts';
import { startSmsPoller } from './poller.ts';

export interface SmsChannel {
  /** SMSD's database, for sendSms. */
  gatewayDb: Database;
  /** For the notification queue: tells the SMS reporter about one public event. */
  notify(event: { reportId: number; eventId: number }): Promise<NoticeResult>;
  /** Stops polling after the message in hand, then closes the gateway connections. */
  stop(): Promise<void>;
}

type ChannelConfig = Pick<Config, 'dataDir' | 'duplicateRadiusM' | 'duplicateWindowDays' | 'moderateAll' | 'sourceBurstLimit'>;

/** The SMS channel over the SMSD database at `gatewayUrl`: polling started, notices ready. */
export async function startSmsChannel(
  appDb: Database, gatewayUrl: string, config: ChannelConfig, log: (message: string) => void,
): Promise<SmsChannel> {
  // Two connections: the poller's gateway transaction, and notices sent meanwhile.
  const gatewayDb = await connectPostgres(gatewayUrl, 2);
  const poller = startSmsPoller({
    appDb,
    gatewayDb,
    settings: {
      photosDir: path.join(config.dataDir, 'photos'),
      duplicates: { radiusM: config.duplicateRadiusM, windowDays: config.duplicateWindowDays },
      moderation: { moderateAll: config.moderateAll, burstLimit: config.sourceBurstLimit },
    },
  }, { log });
  log('SMS channel: polling the Gammu SMSD inbox (SMS_GATEWAY_DATABASE_URL)');
  return {
    gatewayDb,
    notify: (event) => notifySmsReporter(appDb, gatewayDb, event),
    async stop() {
      await poller.stop();
      await gatewayDb.close();
    },
  };
}
