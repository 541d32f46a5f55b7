import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { signIn, type SignedIn } from '../test/staff.ts';

let t: TestApp;
let moderator: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  moderator = await signIn(t.app, t.db, { role: 'moderator' });
});
afterAll(() => t?.close());

/** A report sent from the web, then held for moderation as a burst would hold it. */
async function heldReport(): Promise<{ code: string; token: string }> {
  const sent = await t.app.inject({
    method: 'POST', url: '/api/reports',
    payload: { category: 'sampah', description: 'Sampah menumpuk di pinggir kali', lat: -6.17, lon: 106.632 },
  });
  const { code, resident_token: token } = sent.json();
  await t.db.query(sql`UPDATE reports SET status = 'submitted' WHERE code = ${code}`);
  return { code, token };
}

const view = (code: string, token?: string) => t.app.inject({
  method: 'GET', url: `/api/reports/${code}`, headers: token === undefined ? {} : { 'x-resident-token': token },
});

/** A 404's body without the code it names: what tells an unknown report from another. */
const notFoundShape = (body: string) => body.replaceAll(/T(GR|SL)-[0-9A-Z]{6}/g, 'CODE');

describe('GET /api/reports/:code with X-Resident-Token', () => {
  it('shows a held report to its sender as submitted, and not to anyone else', async () => {
    const { code, token } = await heldReport();
    const sender = await view(code, token);
    expect(sender.statusCode).toBe(200);
    expect(sender.json()).toMatchObject({ code, status: 'submitted' });
    expect(sender.headers['cache-control']).toBe('private, no-store');
    expect((await view(code)).statusCode).toBe(404);
  });

  it('answers a wrong token exactly as an unknown code', async () => {
    const { code } = await heldReport();
    const wrong = await view(code, 'not-the-token-of-this-report');
    const unknown = await view('TGR-2222ZZ', 'not-the-token-of-this-report');
    const anonymous = await view(code);
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(notFoundShape(wrong.body)).toBe(notFoundShape(unknown.body));
    expect(notFoundShape(anonymous.body)).toBe(notFoundShape(unknown.body));
    expect(wrong.json().error.code).toBe('REPORT_NOT_FOUND');
  });

  it('does not accept one report\'s token for another', async () => {
    const a = await heldReport();
    const b = await heldReport();
    expect((await view(a.code, b.token)).statusCode).toBe(404);
    expect((await view(b.code, b.token)).statusCode).toBe(200);
  });

  it('shows the sender a rejected report with the moderator\'s reason', async () => {
    const { code, token } = await heldReport();
    const rejected = await t.app.inject({
      method: 'POST', url: `/api/reports/${code}/status`, headers: moderator.headers,
      payload: { to: 'rejected', reason: 'Foto dan uraian tidak menunjukkan masalah' },
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const sender = (await view(code, token)).json();
    expect(sender.status).toBe('rejected');
    expect(sender.timeline.at(-1)).toMatchObject({ status: 'rejected', note: 'Foto dan uraian tidak menunjukkan masalah' });
    expect((await view(code)).statusCode).toBe(404);
  });

  it('still shows a public report with a wrong token, and refuses a malformed one', async () => {
    const sent = await t.app.inject({
      method: 'POST', url: '/api/reports',
      payload: { category: 'banjir', description: 'Genangan air setinggi betis', lat: -6.17, lon: 106.632 },
    });
    const { code } = sent.json();
    expect((await view(code, 'not-the-token-of-this-report')).json().status).toBe('published');
    expect((await view(code, 'short')).statusCode).toBe(400);
  });
});
