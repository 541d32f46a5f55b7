/**
 * The seventeen categories of ArcGIS Pro's Emerging Hot Spot Analysis ("How Emerging Hot Spot
 * Analysis works"), decided from one cell's series of Gi* bins and z-scores, oldest first.
 * Kept apart from the SQL so the rules can be tested on planted series.
 */
export const hotPatterns = ['new', 'consecutive', 'intensifying', 'persistent', 'diminishing', 'sporadic', 'oscillating', 'historical'] as const;
export const coldPatterns = hotPatterns.map((p) => `${p}_cold` as const);
export const emergingPatterns = [...hotPatterns, ...coldPatterns, 'no_pattern'] as const;
export type EmergingPattern = (typeof emergingPatterns)[number];

/** Trends are judged at 95 % (two-sided Mann–Kendall p ≤ 0.05). */
export const trendAlpha = 0.05;

export interface MannKendall { s: number; variance: number; z: number; p: number }

/**
 * Mann–Kendall (Mann 1945; Kendall 1975): S = Σ_{k<l} sign(x_l − x_k),
 * Var S = [N(N−1)(2N+5) − Σ_t t(t−1)(2t+5)] / 18 over groups of t tied values, and
 * Z = (S − sign S) / √Var S (continuity correction), two-sided normal p. A constant series has
 * Var S = 0 and no trend (z 0, p 1).
 */
export function mannKendall(xs: readonly number[]): MannKendall {
  const n = xs.length;
  let s = 0;
  for (let k = 0; k < n; k++) for (let l = k + 1; l < n; l++) s += Math.sign(xs[l] - xs[k]);
  const ties = new Map<number, number>();
  for (const x of xs) ties.set(x, (ties.get(x) ?? 0) + 1);
  let correction = 0;
  for (const t of ties.values()) correction += t * (t - 1) * (2 * t + 5);
  const variance = (n * (n - 1) * (2 * n + 5) - correction) / 18;
  const z = variance > 0 ? (s - Math.sign(s)) / Math.sqrt(variance) : 0;
  return { s, variance, z, p: normalTwoSidedP(z) };
}

/**
 * P(|Z| ≥ |z|) = erfc(|z| / √2) by Abramowitz & Stegun 7.1.26 (absolute error < 1.5e-7), the
 * same formula as db/functions/normal_two_sided_p.sql so both sides agree on the bins.
 */
export function normalTwoSidedP(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return Math.min(1, poly * Math.exp(-Math.min(x * x, 700)));
}

/**
 * The hot-side rules, N = number of steps, "hot" = Gi* bin > 0 (p ≤ 0.10, z > 0), checked in
 * the order ArcGIS lists them so each series gets one label:
 *
 * - new: hot in the final step and never significant (hot or cold) before;
 * - consecutive: a single uninterrupted run of at least two hot steps ending at the final one,
 *   never significant (hot or cold) before the run, fewer than 90 % of the steps hot;
 * - intensifying / diminishing: hot in at least 90 % of the steps, the final one included, with
 *   a significant upward / downward Mann–Kendall trend of z;
 * - persistent: hot in at least 90 % of the steps, the final one included, no significant trend;
 * - historical: at least 90 % of the steps hot but not the final one;
 * - oscillating: hot in the final step, significantly cold (bin < 0) in some earlier step,
 *   fewer than 90 % hot;
 * - sporadic: hot in some steps (fewer than 90 %), on and off, never significantly cold.
 *
 * Cold patterns mirror these with the signs of bins and z reversed (an intensifying cold spot
 * has a significant downward trend of z). The hot rules are tried first; a series fitting
 * neither side is no_pattern. "Never significant before" (not merely never hot) keeps a cell
 * that was cold and is now hot out of new/consecutive: it is oscillating, as the published
 * definition of oscillating asks.
 */
export function classifyEmerging(bins: readonly number[], zs: readonly number[]): { pattern: EmergingPattern; trend: MannKendall } {
  const trend = mannKendall(zs);
  const hot = hotSide(bins, trend.z, trend.p);
  if (hot) return { pattern: hot, trend };
  const cold = hotSide(bins.map((b) => -b), -trend.z, trend.p);
  return { pattern: cold ? `${cold}_cold` : 'no_pattern', trend };
}

type HotPattern = (typeof hotPatterns)[number];

function hotSide(bins: readonly number[], trendZ: number, trendP: number): HotPattern | null {
  const n = bins.length;
  const hot = bins.map((b) => b > 0);
  const hotCount = hot.filter(Boolean).length;
  if (hotCount === 0) return null;
  const last = hot[n - 1];
  const mostly = hotCount >= 0.9 * n;
  let run = 0;
  while (run < n && hot[n - 1 - run]) run++;
  const significant = bins.filter((b) => b !== 0).length;
  if (last && significant === 1) return 'new';
  if (!mostly && run >= 2 && significant === run) return 'consecutive';
  if (mostly && last) {
    if (trendP <= trendAlpha && trendZ > 0) return 'intensifying';
    if (trendP <= trendAlpha && trendZ < 0) return 'diminishing';
    return 'persistent';
  }
  if (mostly) return 'historical';
  const everCold = bins.some((b) => b < 0);
  if (last && everCold) return 'oscillating';
  if (!everCold) return 'sporadic';
  return null;
}
