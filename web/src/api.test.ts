import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, fetchJson } from './api.ts';

function answer(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetchJson', () => {
  it('turns the API error body into an ApiError with its status, code and both messages', async () => {
    vi.stubGlobal('fetch', async () => answer(422, {
      error: { code: 'OUTSIDE_SERVICE_AREA', message_id: 'Di luar wilayah', message_en: 'Outside the area', details: [{ field: 'lat', problem: 'x' }] },
    }));
    const error = await fetchJson('/api/reports').catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect([apiError.status, apiError.code, apiError.messageIn('id'), apiError.messageIn('en')])
      .toEqual([422, 'OUTSIDE_SERVICE_AREA', 'Di luar wilayah', 'Outside the area']);
    expect(apiError.fieldProblems()).toEqual([{ field: 'lat', problem: 'x' }]);
  });

  it('makes an ApiError of its own for an answer that is not the API error body, and for no answer at all', async () => {
    vi.stubGlobal('fetch', async () => new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect(fetchJson('/api/categories')).rejects.toMatchObject({ status: 502, code: 'UNEXPECTED_RESPONSE' });
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(fetchJson('/api/categories')).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });

  it('sends a JSON body with its content type, FormData as it is, and answers nothing for 204', async () => {
    const sent: RequestInit[] = [];
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      sent.push(init);
      return answer(204);
    });
    expect(await fetchJson('/api/staff/logout', { method: 'POST', body: { a: 1 }, headers: { 'x-csrf-token': 't' } })).toBeUndefined();
    const form = new FormData();
    await fetchJson('/api/reports', { method: 'POST', body: form });
    expect(sent[0]).toMatchObject({ method: 'POST', body: '{"a":1}', headers: { 'content-type': 'application/json', 'x-csrf-token': 't' } });
    expect(sent[1].body).toBe(form);
    expect(sent[1].headers).not.toHaveProperty('content-type');
  });

  it('sends the device\'s stored X-Device-Id with every write, the same each time, and none with a read', async () => {
    const storage = new Map<string, string>();
    vi.stubGlobal('localStorage', { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => storage.set(k, v) });
    const sent: RequestInit[] = [];
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      sent.push(init);
      return answer(204);
    });
    await fetchJson('/api/reports', { method: 'POST', body: new FormData() });
    await fetchJson('/api/reports/TGR-7K3P9Q/support', { method: 'POST' });
    await fetchJson('/api/categories');
    const ids = sent.map((init) => (init.headers as Record<string, string>)['x-device-id']);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).toBeUndefined();
    expect([...storage.values()]).toEqual([ids[0]]);
  });
});
