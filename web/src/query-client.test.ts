import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api.ts';
import { createQueryClient, invalidateUrls, jsonQuery } from './query-client.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the query client', () => {
  it('fetches a URL asked for twice at once only once, and shares the answer', async () => {
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      return Response.json({ categories: [] });
    });
    const client = createQueryClient();
    const [first, second] = await Promise.all([
      client.fetchQuery(jsonQuery('/api/categories')),
      client.fetchQuery(jsonQuery('/api/categories')),
    ]);
    expect(fetched).toEqual(['/api/categories']);
    expect(second).toBe(first);
  });

  it('invalidates a resource, its query strings and what lies under it, and nothing else', async () => {
    vi.stubGlobal('fetch', async () => Response.json({}));
    const client = createQueryClient();
    const urls = ['/api/console/reports?status=published', '/api/console/reports/TGR-ABC234', '/api/console/reports-export', '/api/moderation/queue'];
    await Promise.all(urls.map((url) => client.fetchQuery(jsonQuery(url))));
    await invalidateUrls(client, '/api/console/reports');
    expect(urls.map((url) => client.getQueryState([url])?.isInvalidated))
      .toEqual([true, true, false, false]);
  });

  it('retries a request that got no answer or a server failure, never a refusal', () => {
    const retry = createQueryClient().getDefaultOptions().queries?.retry as (failures: number, error: unknown) => boolean;
    const error = (status: number) => new ApiError(status, 'X', { id: '', en: '' });
    expect([retry(0, error(0)), retry(0, error(503)), retry(0, error(404)), retry(0, error(401)), retry(2, error(503))])
      .toEqual([true, true, false, false, false]);
  });

  it('tells the page of every failed query and mutation, with its client', async () => {
    vi.stubGlobal('fetch', async () => Response.json({ error: { code: 'UNAUTHENTICATED', message_id: 'a', message_en: 'b' } }, { status: 401 }));
    const heard: unknown[] = [];
    const client = createQueryClient((error, from) => heard.push([(error as ApiError).status, from === client]));
    await client.fetchQuery(jsonQuery('/api/staff/me')).catch(() => undefined);
    expect(heard).toEqual([[401, true]]);
  });
});
