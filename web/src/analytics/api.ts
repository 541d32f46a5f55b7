import { useEffect, useState } from 'react';
import { getJson } from '../api.ts';

/** What the planner filters on; the same query string goes to every analytics endpoint. */
export interface AnalyticsFilter {
  category: string;
  since: string;
  until: string;
}

export function filterQuery(filter: AnalyticsFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (filter.category) params.set('category', filter.category);
  if (filter.since) params.set('since', filter.since);
  if (filter.until) params.set('until', filter.until);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString().replaceAll('%2C', ',');
}

export const analyticsUrls = (filter: AnalyticsFilter) => ({
  hotspots: `/api/hotspots/getis-ord?${filterQuery(filter, { cell_m: '500' })}`,
  // the trend window is always the 12 weeks ending at `until` (since does not apply)
  emerging: `/api/hotspots/emerging?${filterQuery({ ...filter, since: '' }, { cell_m: '500', weeks: '12' })}`,
  clusters: `/api/hotspots/dbscan?${filterQuery(filter)}`,
  kelurahan: `/api/analytics/kelurahan?${filterQuery(filter)}`,
  weekly: `/api/analytics/weekly?${filterQuery(filter)}`,
});

export type Loaded<T> = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'done'; data: T };

/**
 * JSON from `url`, or null when url is null (a layer switched off: nothing fetched). The answer
 * is kept with the URL it belongs to, so a change of filter shows "loading" at once instead of
 * the previous filter's data.
 */
export function useJson<T>(url: string | null): Loaded<T> | null {
  const [answer, setAnswer] = useState<{ url: string; loaded: Loaded<T> } | null>(null);
  useEffect(() => {
    if (!url) return;
    let current = true;
    getJson<T>(url).then(
      (data) => current && setAnswer({ url, loaded: { state: 'done', data } }),
      (error: Error) => current && setAnswer({ url, loaded: { state: 'failed', message: error.message } }),
    );
    return () => {
      current = false;
    };
  }, [url]);
  if (!url) return null;
  return answer?.url === url ? answer.loaded : { state: 'loading' };
}
