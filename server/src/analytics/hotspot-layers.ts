import type { FastifyInstance } from 'fastify';
import { dbscanClusters } from './dbscan.ts';
import { emergingHotspots } from './emerging.ts';
import { getisOrd } from './getis-ord.ts';
import type { LayerResult } from './layer.ts';
import { readNeighbourRule, readWeeksWindow, readWindow, type DbscanQuery, type EmergingQuery, type GetisOrdQuery } from './parameters.ts';
import { inAnalysisSession } from './session.ts';

/** A hot-spot layer's normalised parameters (its cache key) and how to compute it. */
export interface PreparedLayer {
  key: unknown;
  compute: () => Promise<LayerResult>;
}

// The three hot-spot layers from their query parameters, for /api/hotspots/* and, with every
// parameter at its default, for the /ogc collections.

export async function prepareGetisOrd(app: FastifyInstance, q: Partial<GetisOrdQuery>): Promise<PreparedLayer> {
  const parameters = {
    window: await readWindow(app.db, q), neighbours: readNeighbourRule(q as GetisOrdQuery), fdr: q.fdr ?? false, measure: q.measure ?? 'count',
  };
  return { key: ['getis-ord', parameters], compute: () => inAnalysisSession(app.db, (tx) => getisOrd(tx, parameters)) };
}

export async function prepareDbscan(app: FastifyInstance, q: Partial<DbscanQuery>): Promise<PreparedLayer> {
  const parameters = { window: await readWindow(app.db, q), epsM: q.eps_m ?? 150, minPoints: q.min_points ?? 10 };
  return { key: ['dbscan', parameters], compute: () => inAnalysisSession(app.db, (tx) => dbscanClusters(tx, parameters)) };
}

export async function prepareEmerging(app: FastifyInstance, q: Partial<EmergingQuery>): Promise<PreparedLayer> {
  const weeks = q.weeks ?? 12;
  const parameters = { window: await readWeeksWindow(app.db, q, weeks), neighbours: readNeighbourRule(q as EmergingQuery), weeks };
  return { key: ['emerging', parameters], compute: () => inAnalysisSession(app.db, (tx) => emergingHotspots(tx, parameters)) };
}
