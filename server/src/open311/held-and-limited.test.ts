import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { signIn } from '../test/staff.ts';

// An instance that holds every report for a moderator and allows an application 3 writes in
// 10 minutes (the per-address limit, which a key shares).
let t: TestApp;
let apiKey: string;
beforeAll(async () => {
  t = await createTestApp({ moderateAll: true, addressWriteLimit: 3 });
  const admin = await signIn(t.app, t.db, { role: 'admin' });
  apiKey = (await t.app.inject({ method: 'POST', url: '/api/admin/api-keys', headers: admin.headers, payload: { name: 'Uji' } })).json().key;
});
afterAll(() => t?.close());

const xml = new XMLParser({ isArray: (name) => ['request', 'error'].includes(name) });
const post = (format: 'json' | 'xml', remoteAddress: string, description = 'Sampah menumpuk di pinggir kali') =>
  t.app.inject({
    method: 'POST', url: `/open311/v2/requests.${format}`, remoteAddress,
    payload: new URLSearchParams({ api_key: apiKey, service_code: 'sampah', lat: '-6.17', long: '106.632', description }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });

describe('a request held for moderation', () => {
  it('answers a token, which gives the service_request_id once a moderator publishes the report', async () => {
    const res = await post('xml', '192.0.2.1');
    expect(res.statusCode).toBe(201);
    const [answer] = xml.parse(res.body).service_requests.request;
    expect(answer.service_request_id).toBeUndefined();
    const token = answer.token;
    expect(token).toMatch(/^TGR-/);

    const waiting = await t.app.inject({ method: 'GET', url: `/open311/v2/tokens/${token}.json` });
    expect(waiting.json()).toEqual([{ token }]);
    expect((await t.app.inject({ method: 'GET', url: `/open311/v2/requests/${token}.json` })).statusCode).toBe(404);

    await t.db.query(sql`UPDATE reports SET status = 'published' WHERE code = ${token}`);
    const published = await t.app.inject({ method: 'GET', url: `/open311/v2/tokens/${token}.xml` });
    expect(xml.parse(published.body).service_requests.request[0]).toEqual({ token, service_request_id: token });
    expect((await t.app.inject({ method: 'GET', url: '/open311/v2/tokens/TGR-ZZZZZZ.json' })).statusCode).toBe(404);
  });
});

describe('the rate of a key', () => {
  it('refuses an application\'s writes beyond the limit with 429 and Retry-After, whatever address they come from', async () => {
    // Each from another address, so only the key's count can refuse them (the first test used one).
    expect((await post('json', '192.0.2.2')).statusCode).toBe(201);
    expect((await post('json', '192.0.2.3')).statusCode).toBe(201);
    const refused = await post('xml', '192.0.2.4');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(xml.parse(refused.body).errors.error[0]).toMatchObject({ code: 429, description: expect.stringMatching(/\[TOO_MANY_REQUESTS\]$/) });
  });
});
