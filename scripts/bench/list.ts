// The list API (GET /api/reports, GeoJSON pages with a keyset cursor): the first page, a page
// 50 pages deep, and a filtered map-window page, each asked for 30 times, one at a time.
import type { BenchArea } from './context.ts';
import { percentile, round } from './stats.ts';
import { rows } from './table.ts';

const repeats = 30;

async function timed(url: string): Promise<{ ms: number; body: { next_cursor?: string | null; features?: unknown[] } }> {
  const started = performance.now();
  const response = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
  const body = await response.json();
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${JSON.stringify(body)}`);
  return { ms: performance.now() - started, body };
}

export const listBench: BenchArea = async (context) => {
  const base = `${context.server.url}/api/reports`;
  // Walk 50 pages of 100 to reach a deep cursor.
  let cursor: string | null | undefined;
  for (let page = 0; page < 50; page++) {
    cursor = (await timed(`${base}?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)).body.next_cursor;
    if (!cursor) break;
  }
  const cases = {
    first_page_100: `${base}?limit=100`,
    page_51_of_100: `${base}?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    bbox_category_1000: `${base}?limit=1000&bbox=106.60,-6.25,106.68,-6.17&category=jalan_rusak`,
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
    context.log(`list ${name}: ${features} features, p50 ${figures[name].p50_ms} ms, p95 ${figures[name].p95_ms} ms`);
    rows.push({ area: 'list API', figure: `${name} p95 (${features} features)`, value: figures[name].p95_ms, unit: 'ms' });
  }
  context.results.list_api = figures;
};
