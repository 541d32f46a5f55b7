// The list API (GET /api/reports, GeoJSON pages with a keyset cursor): the first page, a page
// 50 pages deep, and a filtered map-window page, each asked for 30 times, one at a time.
import type { BenchArea } from './context.ts';
import { timedPage, timePages } from './feature-pages.ts';

const repeats = 30;

interface Page { next_cursor?: string | null; features?: unknown[] }

export const listBench: BenchArea = async (context) => {
  const base = `${context.server.url}/api/reports`;
  // Walk 50 pages of 100 to reach a deep cursor.
  let cursor: string | null | undefined;
  for (let page = 0; page < 50; page++) {
    cursor = (await timedPage<Page>(`${base}?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)).body.next_cursor;
    if (!cursor) break;
  }
  const cases = {
    first_page_100: `${base}?limit=100`,
    page_51_of_100: `${base}?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    bbox_category_1000: `${base}?limit=1000&bbox=106.60,-6.25,106.68,-6.17&category=jalan_rusak`,
  };
  context.results.list_api = await timePages(cases, { repeats, area: 'list API', log: context.log });
};
