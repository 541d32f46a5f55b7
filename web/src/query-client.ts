import { MutationCache, QueryCache, QueryClient, queryOptions } from '@tanstack/react-query';
import { ApiError, fetchJson } from './api.ts';

// A refusal (4xx) is the same on every attempt: only a request that got no answer, or a server
// failure, is worth repeating.
function worthRetrying(failures: number, error: unknown): boolean {
  if (failures >= 2) return false;
  return !(error instanceof ApiError) || error.status === 0 || error.status >= 500;
}

/** The page's cache of API answers; `onError` hears of every failed query and mutation. */
export function createQueryClient(onError?: (error: unknown, client: QueryClient) => void): QueryClient {
  const heard = (error: unknown) => onError?.(error, client);
  const client = new QueryClient({
    queryCache: new QueryCache({ onError: heard }),
    mutationCache: new MutationCache({ onError: heard }),
    defaultOptions: { queries: { retry: worthRetrying }, mutations: { retry: false } },
  });
  return client;
}

/**
 * GET `url` as JSON, cached under the URL itself: components asking for the same URL share one
 * request and one answer, and a write invalidates the URLs it changed.
 */
export function jsonQuery<T>(url: string) {
  return queryOptions({ queryKey: [url], queryFn: ({ signal }) => fetchJson<T>(url, { signal }) });
}

/** Whether `url` is the resource at `path` or one under it, with any query string. */
function isUnder(url: unknown, path: string): boolean {
  if (typeof url !== 'string') return false;
  return url === path || url.startsWith(`${path}?`) || url.startsWith(`${path}/`);
}

/** Marks the cached answers of these resources (and those under them) stale; those on screen are fetched again. */
export function invalidateUrls(client: QueryClient, ...paths: string[]): Promise<void> {
  return client.invalidateQueries({ predicate: (query) => paths.some((path) => isUnder(query.queryKey[0], path)) });
}
