// OGC API - Features (/ogc): the collections document (extents), the first page of reports, a
// page 50 pages deep through next links, and a CQL2-filtered map window, each asked for 30
// times, one at a time. numberMatched and the extent are kept per data version, so these are
// the figures of a server that has answered once since the last change.
import type { BenchArea } from './context.ts';
import { percentile, round } from './stats.ts';
import { rows } from './table.ts';

const repeats = 30;

interface Page { features?: unknown[]; links?: { rel: string; href: string }[] }

async function timed(url: string): Promise<{ ms: number; body: Page }> {
  const started = performance.now();
  const response = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
  const body = await response.json();
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${JSON.stringify(body)}`);
  return { ms: performance.now() - started, body };
}

export const ogcBench: BenchArea = async (context) => {
  const base = `${context.server.url}/ogc`;
  let next: string | undefined = `${base}/collections/reports/items?limit=100`;
  for (let page = 0; page < 50 && next; page++) {
    next = (await timed(next)).body.links?.find((l) => l.rel === 'next')?.href;
  }
  const filter = encodeURIComponent("category = 'jalan_rusak' AND S_INTERSECTS(geometry, BBOX(106.60, -6.25, 106.68, -6.17))");
  const cases: Record<string, string> = {
    collections: `${base}/collections`,
    first_page_100: `${base}/collections/reports/items?limit=100`,
    ...(next ? { page_51_of_100: next } : {}),
    cql2_window_1000: `${base}/collections/reports/items?limit=1000&filter=${filter}`,
  };
  const figures: Record<string, { p50_ms: number; p95_ms: number; features: number }> = {};
  for (const [name, url] of Object.entries(cases)) {
    const samples: number[] = [];
    let features = 0;
    for (let i = 0; i < repeats; i++) {
      const { ms, body } = await timed(url);
      samples.push(ms);
      features = body.features?.length ?? 0;
    }
    figures[name] = { p50_ms: round(percentile(samples, 50), 2), p95_ms: round(percentile(samples, 95), 2), features };
    context.log(`ogc ${name}: ${features} features, p50 ${figures[name].p50_ms} ms, p95 ${figures[name].p95_ms} ms`);
    rows.push({ area: 'OGC API', figure: `${name} p95 (${features} features)`, value: figures[name].p95_ms, unit: 'ms' });
  }
  context.results.ogc_api = figures;
};
