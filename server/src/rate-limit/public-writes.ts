import type { FastifyInstance, FastifyRequest } from 'fastify';
import { writeSourceOf } from './client.ts';
import { tooManyRequests } from './refuse.ts';

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
 * count: one phone flooding does not get the others behind its carrier's address refused.
 */
export function limitPublicWrites(app: FastifyInstance, kind: string) {
  const key = (part: 'device' | 'address') => (request: FastifyRequest) =>
    `public-write|${kind}|${part}|${writeSourceOf(request)[part]}`;
  const perDevice = app.createRateLimit({
    max: app.config.deviceWriteLimit, timeWindow: publicWriteWindowMs, keyGenerator: key('device'),
  });
  const perAddress = app.createRateLimit({
    max: app.config.addressWriteLimit, timeWindow: publicWriteWindowMs, keyGenerator: key('address'),
  });

  return async function refuseAbusiveRates(request: FastifyRequest) {
    for (const limit of [perDevice, perAddress]) {
      const count = await limit(request);
      if (!count.isAllowed && count.isExceeded) {
        throw tooManyRequests(count.ttlInSeconds);
      }
    }
  };
}
