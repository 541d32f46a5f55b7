import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { multipartBody } from '../test/multipart.ts';
import { describeNeeding, postgres } from '../test/requirements.ts';
import { signIn, type SignedIn } from '../test/staff.ts';

let t: TestApp;
let admin: SignedIn;
let code: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, t.db, { role: 'admin' });
  code = (await t.app.inject({ method: 'POST', url: '/api/reports', payload: report })).json().code;
});
afterAll(() => t?.close());

const report = { category: 'banjir', description: 'Air setinggi lutut di depan masjid', lat: -6.17, lon: 106.632 };
const post = (url: string, payload: string | Buffer | undefined, headers: Record<string, string>) =>
  t.app.inject({ method: 'POST', url, payload, headers: { ...admin.headers, ...headers } });
const refusal = (res: { statusCode: number; json(): { error: { code: string } } }) => ({ status: res.statusCode, code: res.json().error.code });
const reports = async () => (await t.db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM reports`))[0].n;

describeNeeding([[postgres, 'the routes answer from the real database']], 'media types of request bodies', () => {
  it('answers 415 to JSON sent as text/plain, which would skip the body schema', async () => {
    const before = await reports();
    const res = await post('/api/reports', JSON.stringify(report), { 'content-type': 'text/plain' });
    expect(refusal(res)).toEqual({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(await reports()).toBe(before);
  });

  it('answers 415 to a form sent to a route that reads JSON', async () => {
    const form = multipartBody({ email: 'a@b.c', password: 'x' }, []);
    expect(refusal(await post('/api/staff/login', form.payload, form.headers))).toEqual({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(refusal(await post('/api/routing/reroute', '{"dry_run":true}', { 'content-type': 'application/xml' }))).toEqual({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('answers 415 to a body without a content type, and 400 to a report without a body', async () => {
    expect(refusal(await post(`/api/reports/${code}/support`, 'x', {}))).toEqual({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(refusal(await post('/api/reports', undefined, {}))).toEqual({ status: 400, code: 'MALFORMED_JSON' });
  });

  it('refuses a form without a boundary, or cut short, with MALFORMED_MULTIPART and stores nothing', async () => {
    const before = await reports();
    const noBoundary = await post('/api/reports', Buffer.from('\u000b\u00ff'), { 'content-type': 'multipart/form-data' });
    expect(refusal(noBoundary)).toEqual({ status: 400, code: 'MALFORMED_MULTIPART' });
    const form = multipartBody({ category: 'banjir', description: report.description, lat: '-6.17', lon: '106.632' }, []);
    const cut = await post('/api/reports', form.payload.subarray(0, 60), form.headers);
    expect(refusal(cut)).toEqual({ status: 400, code: 'MALFORMED_MULTIPART' });
    const photos = multipartBody({}, [{ name: 'photos', filename: 'p.jpg', type: 'image/jpeg', data: Buffer.from([1, 2, 3]) }]);
    const cutPhoto = await post(`/api/console/reports/${code}/photos`, photos.payload.subarray(0, photos.payload.length - 20), photos.headers);
    expect(refusal(cutPhoto)).toEqual({ status: 400, code: 'MALFORMED_MULTIPART' });
    expect(await reports()).toBe(before);
  });

  it('still takes every media type a route declares', async () => {
    const json = await post('/api/reports', JSON.stringify(report), { 'content-type': 'application/json; charset=utf-8' });
    expect(json.statusCode).toBe(201);
    const form = multipartBody({ category: 'banjir', description: report.description, lat: '-6.17', lon: '106.632' }, []);
    expect((await post('/api/reports', form.payload, form.headers)).statusCode).toBe(201);
    const layer = { type: 'FeatureCollection', features: [{ type: 'Feature', id: 'p', properties: {}, geometry: { type: 'Point', coordinates: [106.63, -6.17] } }] };
    const geo = await post('/api/layers?name=pasar-uji', JSON.stringify(layer), { 'content-type': 'application/geo+json' });
    expect(geo.statusCode).toBe(201);
  });
});
