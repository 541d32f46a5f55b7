// Timing of JSON pages of features (the list API, OGC API - Features): each case asked for
// `repeats` times, one at a time, its p50/p95 logged and put in the table.
import { percentile, round } from './stats.ts';
import { rows } from './table.ts';

export type PageFigures = Record<string, { p50_ms: number; p95_ms: number; features: number }>;

/** Fetches one page (gzip accepted, as a browser asks) and how long it took; refuses an error answer. */
export async function timedPage<T extends { features?: unknown[] }>(url: string): Promise<{ ms: number; body: T }> {
  const started = performance.now();
  const response = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
  const body = await response.json();
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${JSON.stringify(body)}`);
  return { ms: performance.now() - started, body };
}

export async function timePages(
  cases: Record<string, string>, o: { repeats: number; area: string; log: (line: string) => void },
): Promise<PageFigures> {
  const figures: PageFigures = {};
  for (const [name, url] of Object.entries(cases)) {
    const samples: number[] = [];
    let features = 0;
    for (let i = 0; i < o.repeats; i++) {
      const { ms, body } = await timedPage(url);
      samples.push(ms);
      features = body.features?.length ?? 0;
    }
    figures[name] = { p50_ms: round(percentile(samples, 50), 2), p95_ms: round(percentile(samples, 95), 2), features };
    o.log(`${o.area} ${name}: ${features} features, p50 ${figures[name].p50_ms} ms, p95 ${figures[name].p95_ms} ms`);
    rows.push({ area: o.area, figure: `${name} p95 (${features} features)`, value: figures[name].p95_ms, unit: 'ms' });
  }
  return figures;
}
