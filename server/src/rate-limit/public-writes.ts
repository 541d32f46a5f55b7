import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from '../db/database.ts';
import { writeSourceOf } from './client.ts';
import { tooManyRequests } from './refuse.ts';
import { sweepRateLimitCountersNowAndThen } from './store.ts';

/** Public writes are counted in windows of this length (the same as the burst screening's). */
export const publicWriteWindowMs = 10 * 60_000;

/**
 * The refusal of a public write (a report, a +1, a reopening, any later intake) at abusive
 * rates: more than `deviceWriteLimit` from one device, or `addressWriteLimit` from one network
 * address, per route in 10 minutes, answer 429 with Retry-After. Below that nothing is refused;
 * a report in a burst is held for a moderator instead (moderation/decide.ts), since a person may
 * be behind it. Runs on onRequest, before a body or photo is read.
 *
 * The device is counted first, and a device already refused does not add to its address's
 * count: one phone flooding does not get the others behind its carrier's address refused. Both
 * counts are taken by one statement (count_public_write, db/functions) in the counters the
 * rate-limit plugin's store keeps (store.ts), under the same keys as when the plugin counted them.
 */
export function limitPublicWrites(app: FastifyInstance, kind: string) {
  const { deviceWriteLimit, addressWriteLimit } = app.config;
  const counterKey = (part: 'device' | 'address', client: string) => `|public-write|${kind}|${part}|${client}`;
  const log = (message: string) => app.log.warn(message);

  return async function refuseAbusiveRates(request: FastifyRequest) {
    const source = writeSourceOf(request);
    const [count] = await app.db.query<{ device_hits: number; device_ttl: number; address_hits: number | null; address_ttl: number | null }>(sql`
      SELECT device_hits, device_ttl, address_hits, address_ttl
      FROM count_public_write(${counterKey('device', source.device)}, ${counterKey('address', source.address)},
                              ${deviceWriteLimit}::integer, ${publicWriteWindowMs}::integer)`);
    sweepRateLimitCountersNowAndThen(app.db, log);
    if (count.device_hits > deviceWriteLimit) throw tooManyRequests(Math.ceil(count.device_ttl / 1000));
    if (count.address_hits !== null && count.address_hits > addressWriteLimit) {
      throw tooManyRequests(Math.ceil((count.address_ttl ?? 0) / 1000));
    }
  };
}
