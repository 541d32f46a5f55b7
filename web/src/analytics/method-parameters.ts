/**
 * Every parameter of the three hot-spot methods, as server/src/analytics/parameters.ts reads them.
 * Defaults: 500 m hexagons resolve a street block at city scale without leaving most cells empty;
 * a distance band of twice the edge takes each cell's ring of six neighbours; FDR is on, because
 * hundreds of hexagons are tested at once and uncorrected 90 % bins would show chance spots;
 * DBSCAN keeps the server's 150 m / 10 reports.
 */
export interface MethodParameters {
  cell_m: 250 | 500 | 1000;
  neighbours: 'distance' | 'knn';
  distance_m: number;
  k: number;
  fdr: boolean;
  measure: 'count' | 'density';
  weeks: number;
  eps_m: number;
  min_points: number;
}

export const defaultMethodParameters: MethodParameters = {
  cell_m: 500, neighbours: 'distance', distance_m: 1000, k: 8, fdr: true, measure: 'count',
  weeks: 12, eps_m: 150, min_points: 10,
};

/** The neighbourhood part of the query string, as Gi* and the trend analysis share it. */
export function neighbourQuery(p: MethodParameters): Record<string, string> {
  const rule: Record<string, string> = p.neighbours === 'knn' ? { k: String(p.k) } : { distance_m: String(p.distance_m) };
  return { cell_m: String(p.cell_m), neighbours: p.neighbours, ...rule };
}

/** The shortest distance band the server accepts for a hexagon size: adjacent centres are √3·edge apart. */
export const shortestDistance = (cellM: number) => Math.ceil(Math.sqrt(3) * cellM);
