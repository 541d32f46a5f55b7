import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../config.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { signIn, type SignedIn } from '../test/staff.ts';

// The limits a city runs with (config.ts defaults): hold a device's 6th report in 10 minutes
// and an address's 61st; refuse a device's 21st write and an address's 601st.
const defaults = readConfig({});
const asDeployed = {
  sourceBurstLimit: defaults.sourceBurstLimit, addressBurstLimit: defaults.addressBurstLimit,
  deviceWriteLimit: defaults.deviceWriteLimit, addressWriteLimit: defaults.addressWriteLimit,
};

let t: TestApp;
let moderator: SignedIn;
beforeAll(async () => {
  t = await createTestApp(asDeployed);
  moderator = await signIn(t.app, t.db, { role: 'moderator' });
});
afterAll(() => t?.close());

const report = (app: TestApp['app'], remoteAddress: string, deviceId?: string, i = 0) => app.inject({
  method: 'POST', url: '/api/reports', remoteAddress,
  headers: deviceId ? { 'x-device-id': deviceId } : {},
  payload: { category: 'jalan_rusak', description: `Jalan berlubang nomor ${i} di depan pasar`, lon: 106.632, lat: -6.17 },
});

describe('public writes behind one carrier address', () => {
  it('publishes the 6th and later reports from one address when each comes from another device', async () => {
    const statuses = [];
    for (let i = 0; i < 12; i++) {
      const res = await report(t.app, '198.51.100.10', randomUUID(), i);
      statuses.push(`${res.statusCode} ${res.json().status}`);
    }
    expect(statuses).toEqual(Array(12).fill('201 published'));
  });

  it('holds the 6th report from one device for a moderator, then refuses its 21st with 429 and Retry-After', async () => {
    const device = randomUUID();
    const answers: Awaited<ReturnType<typeof report>>[] = [];
    for (let i = 0; i < 21; i++) answers.push(await report(t.app, '198.51.100.11', device, i));
    const statuses = answers.slice(0, 20).map((r) => `${r.statusCode} ${r.json().status}`);
    expect(statuses).toEqual([...Array(5).fill('201 published'), ...Array(15).fill('201 submitted')]);

    const refused = answers[20];
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('TOO_MANY_REQUESTS');
    expect(refused.json().error.message_id).toMatch(/Coba lagi dalam \d+ menit/);
    expect(refused.json().error.message_en).toMatch(/Try again in \d+ minutes?/);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(500);
    expect(retryAfter).toBeLessThanOrEqual(600);

    const queue = (await t.app.inject({ method: 'GET', url: '/api/moderation/queue', headers: moderator.headers })).json();
    const held = queue.reports.find((q: { code: string }) => q.code === answers[5].json().code);
    expect(held.moderation_flags.flags).toEqual(['many_from_source']);

    // Another phone behind the same address is not held back by it.
    const neighbour = await report(t.app, '198.51.100.11', randomUUID());
    expect(`${neighbour.statusCode} ${neighbour.json().status}`).toBe('201 published');
  });

  it('holds all but 5 of the reports one device sends at once', async () => {
    const device = randomUUID();
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => report(t.app, '198.51.100.17', device, i)));
    const statuses = answers.map((r) => `${r.statusCode} ${r.json().status}`).sort();
    expect(statuses).toEqual([...Array(5).fill('201 published'), ...Array(7).fill('201 submitted')]);
  });

  it('counts a client without a device id by its address and browser', async () => {
    const answers: Awaited<ReturnType<typeof report>>[] = [];
    for (let i = 0; i < 6; i++) answers.push(await report(t.app, '198.51.100.12', undefined, i));
    expect(answers.map((r) => r.json().status)).toEqual([...Array(5).fill('published'), 'submitted']);
    const otherBrowser = await t.app.inject({
      method: 'POST', url: '/api/reports', remoteAddress: '198.51.100.12', headers: { 'user-agent': 'Mozilla/5.0 (Linux; Android 14)' },
      payload: { category: 'jalan_rusak', description: 'Jalan berlubang di depan pasar lama', lon: 106.632, lat: -6.17 },
    });
    expect(otherBrowser.json().status).toBe('published');
  });

  it('holds a report once the address sent more than its own, far higher, burst limit', async () => {
    const statuses = [];
    for (let i = 0; i <= defaults.addressBurstLimit; i++) statuses.push((await report(t.app, '198.51.100.13', randomUUID(), i)).json().status);
    expect(statuses.slice(0, -1).every((s) => s === 'published')).toBe(true);
    expect(statuses.at(-1)).toBe('submitted');
    const queue = (await t.app.inject({ method: 'GET', url: '/api/moderation/queue', headers: moderator.headers })).json();
    expect(queue.reports.some((q: { moderation_flags: { flags: string[] } }) => q.moderation_flags.flags.includes('many_from_address'))).toBe(true);
  });

  it('refuses one device flooding +1s, and not its neighbour', async () => {
    const { code } = (await report(t.app, '198.51.100.14', randomUUID())).json();
    const support = (deviceId: string) => t.app.inject({
      method: 'POST', url: `/api/reports/${code}/support`, remoteAddress: '198.51.100.14', headers: { 'x-device-id': deviceId },
    });
    const device = randomUUID();
    const statuses = [];
    for (let i = 0; i <= defaults.deviceWriteLimit; i++) statuses.push((await support(device)).statusCode);
    expect(statuses).toEqual([...Array(defaults.deviceWriteLimit).fill(200), 429]);
    expect((await support(randomUUID())).statusCode).toBe(200);
  });

  it('refuses one device trying reopen tokens at an abusive rate', async () => {
    const { code } = (await report(t.app, '198.51.100.15', randomUUID())).json();
    const device = randomUUID();
    const statuses = [];
    for (let i = 0; i <= defaults.deviceWriteLimit; i++) {
      statuses.push((await t.app.inject({
        method: 'POST', url: `/api/reports/${code}/reopen`, remoteAddress: '198.51.100.15', headers: { 'x-device-id': device },
        payload: { resident_token: `guess-number-${i}`, reason: 'Masih rusak' },
      })).statusCode);
    }
    expect(statuses).toEqual([...Array(defaults.deviceWriteLimit).fill(403), 429]);
  });

  it('refuses an X-Device-Id that is not a UUID with VALIDATION_FAILED', async () => {
    const res = await report(t.app, '198.51.100.16', 'not-a-uuid');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(res.json().error.details)).toContain('x-device-id');
  });
});

describe('an address at abusive rates', () => {
  let small: TestApp;
  beforeAll(async () => {
    small = await createTestApp({ ...asDeployed, deviceWriteLimit: 3, addressWriteLimit: 8 });
  });
  afterAll(() => small?.close());

  it('refuses every device of an address beyond its ceiling, not counting a device\'s own refusals, and not another address', async () => {
    const flooder = randomUUID();
    const flood = [];
    for (let i = 0; i < 10; i++) flood.push((await report(small.app, '203.0.113.20', flooder, i)).statusCode);
    expect(flood).toEqual([...Array(3).fill(201), ...Array(7).fill(429)]);
    // The flooder's 7 refusals did not reach the address's count: 5 more devices fill it to 8.
    const others = [];
    for (let i = 0; i < 6; i++) others.push((await report(small.app, '203.0.113.20', randomUUID(), i)).statusCode);
    expect(others).toEqual([...Array(5).fill(201), 429]);
    expect((await report(small.app, '203.0.113.21', randomUUID())).statusCode).toBe(201);
  });
});
