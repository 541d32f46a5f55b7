import type { FastifyInstance, FastifyRequest } from 'fastify';
import { computeBudget } from './budget.ts';
import { dataVersion } from './cache.ts';
import type { LayerResult } from './layer.ts';

/**
 * Computes (or reuses, until new reports arrive) a layer for its parameters; the echo says which
 * data version it reflects and when it was computed. A new computation is charged to the
 * client's budget first. The key is the parameters: the planner view and /ogc share results.
 */
export function cachedLayers(app: FastifyInstance) {
  const cache = app.analyticsCache;
  // Charged only for a result not yet computed for this data version (analytics/budget.ts).
  const chargeComputation = computeBudget(app);
  return async function cached(request: FastifyRequest, key: unknown, compute: () => Promise<LayerResult>) {
    const version = await dataVersion(app.db);
    if (!cache.holds(JSON.stringify(key), version)) await chargeComputation(request);
    const result = await cache.get(JSON.stringify(key), version, async () => {
      const computedAt = new Date().toISOString();
      const computed = await compute();
      return { ...computed, parameters: { ...computed.parameters, computed_at: computedAt } };
    });
    return { key: `${JSON.stringify(key)}@${version}`, result: { ...result, parameters: { ...result.parameters, data_version: version } } };
  };
}
