// OGC API - Features (/ogc): the collections document (extents), the first page of reports, a
// page 50 pages deep through next links, and a CQL2-filtered map window, each asked for 30
// times, one at a time. numberMatched and the extent are kept per data version, so these are
// the figures of a server that has answered once since the last change.
import type { BenchArea } from './context.ts';
import { timedPage, timePages } from './feature-pages.ts';

const repeats = 30;

interface Page { features?: unknown[]; links?: { rel: string; href: string }[] }

export const ogcBench: BenchArea = async (context) => {
  const base = `${context.server.url}/ogc`;
  let next: string | undefined = `${base}/collections/reports/items?limit=100`;
  for (let page = 0; page < 50 && next; page++) {
    next = (await timedPage<Page>(next)).body.links?.find((l) => l.rel === 'next')?.href;
  }
  const filter = encodeURIComponent("category = 'jalan_rusak' AND S_INTERSECTS(geometry, BBOX(106.60, -6.25, 106.68, -6.17))");
  const cases: Record<string, string> = {
    collections: `${base}/collections`,
    first_page_100: `${base}/collections/reports/items?limit=100`,
    ...(next ? { page_51_of_100: next } : {}),
    cql2_window_1000: `${base}/collections/reports/items?limit=1000&filter=${filter}`,
  };
  context.results.ogc_api = await timePages(cases, { repeats, area: 'OGC API', log: context.log });
};
