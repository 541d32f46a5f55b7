import type { FastifyInstance, FastifyRequest } from 'fastify';
import { addressKeyOf } from '../rate-limit/client.ts';
import { tooManyRequests } from '../rate-limit/refuse.ts';
import { findSession } from '../staff/queries.ts';
import { sessionCookie, tokenHash } from '../staff/sessions.ts';

/**
 * The per-client budget of analytics computations. A result already computed (or under way)
 * for a parameter set is served to anyone at no cost; a new one can take seconds of database
 * time (an uncached Gi* with FDR over a time window took 7.6 s alone and 15–21 s when several
 * ran at once), so one anonymous address may start ANALYTICS_COMPUTE_BUDGET of them a minute
 * (shared by every instance through the rate-limit store). Signed-in staff (planners) are not
 * counted: the budget is against scripts sweeping parameters, not against the city's own users.
 */
export function computeBudget(app: FastifyInstance) {
  const perAddress = app.createRateLimit({
    max: app.config.analyticsComputeBudget,
    timeWindow: 60_000,
    keyGenerator: (request) => `analytics-compute|${addressKeyOf(request)}`,
  });

  return async function chargeComputation(request: FastifyRequest): Promise<void> {
    const token = request.cookies[sessionCookie];
    if (token && await findSession(app.db, tokenHash(token))) return;
    const count = await perAddress(request);
    if (!count.isAllowed && count.isExceeded) {
      throw tooManyRequests(count.ttlInSeconds);
    }
  };
}
