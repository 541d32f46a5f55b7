import { categoryShares, clustered, seasons, wibOffsetHours, windowDays, type Hotspot } from './profile.ts';

// How many reports of each kind to draw: exact counts (largest remainder), so that a seed of
// N reports gives N reports and the same shares every time. Where they go is PostGIS's job.

export interface HotspotSlots extends Hotspot {
  category: string;
  count: number;
}

export interface DemoPlan {
  hotspots: HotspotSlots[];
  /** Reports spread over all kelurahan by density, per category, in `diffuseCategories` order. */
  diffuseCategories: string[];
  diffuseCounts: number[];
  /** Midnight WIB at the start of the first day of the window. */
  windowStart: Date;
  /** Per season, its categories and its cumulative day weights (windowDays - 1 thresholds for width_bucket). */
  seasons: { categories: string[]; dayThresholds: number[] }[];
}

/** Splits total into integer parts proportional to weights, summing exactly to total. */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  const byRemainder = exact.map((e, i) => [e - Math.floor(e), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  let left = total - parts.reduce((a, b) => a + b, 0);
  for (const [, i] of byRemainder) {
    if (left-- <= 0) break;
    parts[i]++;
  }
  return parts;
}

const dayMs = 86_400_000;

export function planDemo(count: number, now: Date): DemoPlan {
  const categories = Object.keys(categoryShares);
  const perCategory = apportion(count, categories.map((c) => categoryShares[c]));
  const hotspots: HotspotSlots[] = [];
  const diffuseCounts = perCategory.map((n, i) => {
    const cluster = clustered[categories[i]];
    if (!cluster) return n;
    const inHotspots = Math.round(n * cluster.share);
    const split = apportion(inHotspots, cluster.hotspots.map(() => 1));
    cluster.hotspots.forEach((h, j) => hotspots.push({ ...h, category: categories[i], count: split[j] }));
    return n - inHotspots;
  });

  const todayWib = Math.floor((now.getTime() + wibOffsetHours * 3_600_000) / dayMs);
  const firstDay = todayWib - windowDays;
  const seasonal = seasons.map(({ monthlyWeights, categories }) => {
    const weights = Array.from({ length: windowDays }, (_, d) => monthlyWeights[new Date((firstDay + d) * dayMs).getUTCMonth()]);
    const total = weights.reduce((a, b) => a + b, 0);
    let running = 0;
    return { categories, dayThresholds: weights.slice(0, -1).map((w) => (running += w) / total) };
  });
  return {
    hotspots,
    diffuseCategories: categories,
    diffuseCounts,
    windowStart: new Date(firstDay * dayMs - wibOffsetHours * 3_600_000),
    seasons: seasonal,
  };
}
