import { defaultMethodParameters, neighbourQuery, type MethodParameters } from './method-parameters.ts';

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

/** `path` with a query string, none when it is empty: one URL, so one cache entry, per request. */
export function withQuery(path: string, query: string): string {
  return query ? `${path}?${query}` : path;
}

/** The same URL with one more parameter (a download's format, say). */
export function withParam(url: string, name: string, value: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}${name}=${encodeURIComponent(value)}`;
}

export const analyticsUrls = (filter: AnalyticsFilter, p: MethodParameters = defaultMethodParameters) => ({
  hotspots: withQuery('/api/hotspots/getis-ord',
    filterQuery(filter, { ...neighbourQuery(p), fdr: String(p.fdr), measure: p.measure })),
  // the trend window is always the `weeks` weeks ending at `until` (since does not apply)
  emerging: withQuery('/api/hotspots/emerging',
    filterQuery({ ...filter, since: '' }, { ...neighbourQuery(p), weeks: String(p.weeks) })),
  clusters: withQuery('/api/hotspots/dbscan',
    filterQuery(filter, { eps_m: String(p.eps_m), min_points: String(p.min_points) })),
  kelurahan: withQuery('/api/analytics/kelurahan', filterQuery(filter)),
  weekly: withQuery('/api/analytics/weekly', filterQuery(filter)),
});
