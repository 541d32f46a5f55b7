import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { sql } from '../db/database.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { multipartBody } from '../test/multipart.ts';
import { pngClaiming } from '../test/oversized-png.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

// Inside kelurahan Sukarasa (36.71.01.1001), Kecamatan Tangerang, Kota Tangerang.
const sukarasa = { lat: -6.17, lon: 106.632 };
const valid = { category: 'banjir', description: 'Air setinggi lutut di depan masjid', ...sukarasa };

const post = (payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/reports', payload: payload as object, headers });

const countRows = async () => {
  const [r] = await t.db.query<{ reports: number; events: number; reporters: number }>(sql`
    SELECT (SELECT count(*)::int FROM reports) AS reports,
           (SELECT count(*)::int FROM report_events) AS events,
           (SELECT count(*)::int FROM reporters) AS reporters`);
  return r;
};

describe('POST /api/reports', () => {
  it('stores a routed point and answers with the public report', async () => {
    const res = await post({ ...valid, accuracy_m: 8, address: 'Jl. Merdeka', reporter: { name: 'Siti', phone: '+6281234567890', email: 'siti@example.org' } });
    expect(res.statusCode).toBe(201);
    const report = res.json();
    expect(report.code).toMatch(/^TGR-[2-9A-HJKMNP-TV-Z]{6}$/);
    expect(report.kelurahan).toEqual({ code: '36.71.01.1001', name: 'Sukarasa' });
    expect(report.kecamatan).toEqual({ code: '36.71.01', name: 'Tangerang' });
    expect(report.city.code).toBe('36.71');
    expect(report.department.code).toBe('tgr-bpbd');
    expect(report.status).toBe('published');
    expect(report.routing_explanation.kelurahan.rule).toBe('contains');
    expect(JSON.stringify(report)).not.toMatch(/Siti|6281234567890|siti@example/);

    const [stored] = await t.db.query<{ lon: number; lat: number; srid: number; email: string }>(sql`
      SELECT ST_X(r.location) AS lon, ST_Y(r.location) AS lat, ST_SRID(r.location) AS srid, p.email
      FROM reports r JOIN reporters p ON p.report_id = r.id WHERE r.code = ${report.code}`);
    expect(stored).toEqual({ lon: 106.632, lat: -6.17, srid: 4326, email: 'siti@example.org' });
  });

  it('stores a clean report with its deadline, its screen and its first events, in order', async () => {
    const res = await post(valid);
    expect(res.statusCode).toBe(201);
    const [stored] = await t.db.query<{ deadline_as_promised: boolean; counted_from_submission: boolean; days_as_promised: boolean; moderation_flags: unknown }>(sql`
      SELECT r.due_at = add_working_days(r.created_at, c.response_working_days) AS deadline_as_promised,
             r.due_counted_from = r.created_at AS counted_from_submission,
             r.due_working_days = c.response_working_days AS days_as_promised,
             r.moderation_flags
      FROM reports r JOIN categories c ON c.code = r.category_code WHERE r.code = ${res.json().code}`);
    expect(stored).toEqual({ deadline_as_promised: true, counted_from_submission: true, days_as_promised: true, moderation_flags: { flags: [], evidence: {} } });
    const events = await t.db.query<{ kind: string; actor: string; old_value: unknown; is_public: boolean; as_routed: boolean }>(sql`
      SELECT e.kind, e.actor, e.old_value, e.is_public, e.new_value = r.routing_explanation AS as_routed
      FROM report_events e JOIN reports r ON r.id = e.report_id WHERE r.code = ${res.json().code} ORDER BY e.id`);
    expect(events).toEqual([
      { kind: 'submitted', actor: 'resident', old_value: null, is_public: true, as_routed: false },
      { kind: 'published', actor: 'system', old_value: { status: 'submitted' }, is_public: true, as_routed: false },
      { kind: 'routed', actor: 'system', old_value: null, is_public: false, as_routed: true },
    ]);
  });

  it('holds a report whose text raises a flag, without a deadline, and says why in a private event', async () => {
    const res = await post({ ...valid, description: 'Air setinggi lutut di depan masjid, hubungi 0812 3456 7890' });
    expect(res.statusCode).toBe(201);
    expect(res.json().status).toBe('submitted');
    const events = await t.db.query<{ kind: string; is_public: boolean; new_value: unknown }>(sql`
      SELECT e.kind, e.is_public, e.new_value
      FROM report_events e JOIN reports r ON r.id = e.report_id WHERE r.code = ${res.json().code} ORDER BY e.id`);
    expect(events.map((e) => e.kind)).toEqual(['submitted', 'held_for_moderation', 'routed']);
    expect(events[1]).toEqual({
      kind: 'held_for_moderation', is_public: false,
      new_value: { flags: ['contact_details'], evidence: { contact_details: ['0812 3456 7890'] } },
    });
    const [stored] = await t.db.query<{ due_at: Date | null }>(sql`SELECT due_at FROM reports WHERE code = ${res.json().code}`);
    expect(stored.due_at).toBeNull();
  });

  it('refuses an unknown category with UNKNOWN_CATEGORY and stores nothing', async () => {
    const before = await countRows();
    const res = await post({ ...valid, category: 'naga' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('UNKNOWN_CATEGORY');
    expect(await countRows()).toEqual(before);
  });

  it('routes a Tangsel point to a Tangsel kelurahan and department', async () => {
    const res = await post({ ...valid, category: 'jalan_rusak', lat: -6.3, lon: 106.72 });
    expect(res.statusCode).toBe(201);
    expect(res.json().code).toMatch(/^TSL-/);
    expect(res.json().city.code).toBe('36.74');
    expect(res.json().department.code).toBe('tsl-pupr');
  });

  it('rejects a pin outside both cities with OUTSIDE_SERVICE_AREA and stores nothing', async () => {
    const before = await countRows();
    const res = await post({ ...valid, lat: -6.2, lon: 106.85 }); // Jakarta
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('OUTSIDE_SERVICE_AREA');
    expect(res.json().error.message_id).toMatch(/luar wilayah layanan/);
    expect(res.json().error.message_en).toMatch(/outside the service area/);
    expect(await countRows()).toEqual(before);
  });

  it('says so when latitude and longitude look swapped', async () => {
    // lat/lon of a point in Kota Tangerang given the wrong way round cannot pass the range
    // check (|lat| ≤ 90), so the swap is caught by validation before routing.
    const res = await post({ ...valid, lat: 106.632, lon: -6.17 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toContainEqual(expect.objectContaining({ field: 'body.lat' }));
  });

  it.each([
    ['a missing description', { ...valid, description: undefined }, 400, 'VALIDATION_FAILED'],
    ['a description of spaces', { ...valid, description: '             ' }, 400, 'VALIDATION_FAILED'],
    ['a latitude out of range', { ...valid, lat: -91 }, 400, 'VALIDATION_FAILED'],
    ['a text latitude', { ...valid, lat: 'here' }, 400, 'VALIDATION_FAILED'],
    ['an unknown field', { ...valid, priority: 'urgent' }, 400, 'VALIDATION_FAILED'],
    ['a malformed phone number', { ...valid, reporter: { phone: 'call me' } }, 400, 'VALIDATION_FAILED'],
    ['an unknown category', { ...valid, category: 'alien' }, 422, 'UNKNOWN_CATEGORY'],
  ])('refuses %s', async (_, payload, status, code) => {
    const before = await countRows();
    const res = await post(payload);
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(res.json().error.message_id).toBeTruthy();
    expect(res.json().error.message_en).toBeTruthy();
    expect(await countRows()).toEqual(before);
  });

  it('refuses malformed JSON with MALFORMED_JSON', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/reports', payload: '{"category":', headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('MALFORMED_JSON');
  });

  it('refuses an oversized JSON body with BODY_TOO_LARGE', async () => {
    const res = await post({ ...valid, description: 'x'.repeat(300_000) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('BODY_TOO_LARGE');
  });

  it('returns the same report for a retried Idempotency-Key, never a second one', async () => {
    const headers = { 'idempotency-key': 'retry-test-0001' };
    const first = await post(valid, headers);
    const second = await post(valid, headers);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(200);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json().code).toBe(first.json().code);
    const [{ n }] = await t.db.query<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM idempotency_keys WHERE key = 'retry-test-0001'`);
    expect(n).toBe(1);
  });

  it('creates one report when the same Idempotency-Key arrives twice at once', async () => {
    const headers = { 'idempotency-key': 'concurrent-0001' };
    const before = await countRows();
    const [a, b] = await Promise.all([post(valid, headers), post(valid, headers)]);
    expect(a.json().code).toBe(b.json().code);
    expect((await countRows()).reports).toBe(before.reports + 1);
  });

  it('refuses an Idempotency-Key reused for a different report', async () => {
    const headers = { 'idempotency-key': 'reused-key-0001' };
    expect((await post(valid, headers)).statusCode).toBe(201);
    const res = await post({ ...valid, description: 'Sesuatu yang lain sama sekali' }, headers);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });
});

describe('POST /api/reports with photos (multipart)', () => {
  const fields = { category: 'sampah', description: 'Sampah menumpuk di pinggir jalan', lat: '-6.17', lon: '106.632' };

  async function photoWithGps(): Promise<Buffer> {
    return sharp({ create: { width: 1200, height: 800, channels: 3, background: '#808040' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'PhoneMaker', Model: 'SecretPhone 9' }, IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '6/1 10/1 0/1' } })
      .toBuffer();
  }

  it('stores up to 3 photos re-encoded without their EXIF (GPS, camera)', async () => {
    const upload = await photoWithGps();
    expect((await sharp(upload).metadata()).exif).toBeDefined();
    const { payload, headers } = multipartBody(fields, [
      { name: 'photos', filename: 'a.jpg', type: 'image/jpeg', data: upload },
      { name: 'photos', filename: 'b.jpg', type: 'image/jpeg', data: upload },
    ]);
    const res = await t.app.inject({ method: 'POST', url: '/api/reports', payload, headers });
    expect(res.statusCode).toBe(201);
    const report = res.json();
    expect(report.photos).toHaveLength(2);
    const photo = await t.app.inject({ method: 'GET', url: report.photos[0].url });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(photo.rawPayload).metadata();
    expect(meta.exif).toBeUndefined();
    expect(photo.rawPayload.includes(Buffer.from('SecretPhone'))).toBe(false);
    expect(meta.width).toBe(1200);
    const thumb = await t.app.inject({ method: 'GET', url: report.photos[0].thumbnail_url });
    expect((await sharp(thumb.rawPayload).metadata()).width).toBe(400);
  });

  it('refuses a file that is not an image with PHOTO_NOT_AN_IMAGE and stores nothing', async () => {
    const before = await countRows();
    const { payload, headers } = multipartBody(fields, [
      { name: 'photos', filename: 'x.jpg', type: 'image/jpeg', data: Buffer.from('%PDF-1.4 not an image') },
    ]);
    const res = await t.app.inject({ method: 'POST', url: '/api/reports', payload, headers });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('PHOTO_NOT_AN_IMAGE');
    expect(await countRows()).toEqual(before);
  });

  it('refuses a fourth photo with TOO_MANY_PHOTOS', async () => {
    const upload = await photoWithGps();
    const photo = { name: 'photos', filename: 'a.jpg', type: 'image/jpeg', data: upload };
    const { payload, headers } = multipartBody(fields, [photo, photo, photo, photo]);
    const res = await t.app.inject({ method: 'POST', url: '/api/reports', payload, headers });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('TOO_MANY_PHOTOS');
  });

  it('refuses a photo over 10 MB with PHOTO_TOO_LARGE', async () => {
    const { payload, headers } = multipartBody(fields, [
      { name: 'photos', filename: 'big.jpg', type: 'image/jpeg', data: Buffer.alloc(10 * 1024 * 1024 + 1) },
    ]);
    const res = await t.app.inject({ method: 'POST', url: '/api/reports', payload, headers });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PHOTO_TOO_LARGE');
  });

  it('refuses a photo whose header names 10000 × 10000 pixels with PHOTO_TOO_MANY_PIXELS, without decoding it', async () => {
    const before = await countRows();
    const { payload, headers } = multipartBody(fields, [
      { name: 'photos', filename: 'huge.png', type: 'image/png', data: pngClaiming(10_000, 10_000) },
    ]);
    const res = await t.app.inject({ method: 'POST', url: '/api/reports', payload, headers });
    // Its pixel data is cut short: decoding it would have answered PHOTO_NOT_AN_IMAGE.
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'PHOTO_TOO_MANY_PIXELS', details: { width: 10_000, height: 10_000, max_pixels: 40_000_000 } });
    expect(res.json().error.message_id).toContain('40 megapiksel');
    expect(await countRows()).toEqual(before);
  });

  it('takes a photo at 40 megapixels but not one pixel row more', async () => {
    const photo = (height: number) => multipartBody(fields, [
      { name: 'photos', filename: 'tall.png', type: 'image/png', data: pngClaiming(4000, height) },
    ]);
    const over = photo(10_001);
    const refused = await t.app.inject({ method: 'POST', url: '/api/reports', ...over });
    expect(refused.json().error.code).toBe('PHOTO_TOO_MANY_PIXELS');
    // At the limit the header passes and the cut-short data reaches the decoder.
    const atLimit = photo(10_000);
    const decoded = await t.app.inject({ method: 'POST', url: '/api/reports', ...atLimit });
    expect(decoded.json().error.code).toBe('PHOTO_NOT_AN_IMAGE');
  });

  it('validates form fields like JSON ones', async () => {
    const { payload, headers } = multipartBody({ ...fields, lat: 'north' }, []);
    const res = await t.app.inject({ method: 'POST', url: '/api/reports', payload, headers });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details).toContainEqual(expect.objectContaining({ field: 'lat' }));
  });
});

describe('GET /api/reports/:code', () => {
  it('finds a report by its code, typed loosely (lower case, no hyphen)', async () => {
    const { code } = (await post(valid)).json();
    const res = await t.app.inject({ method: 'GET', url: `/api/reports/${code.toLowerCase().replace('-', '')}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().code).toBe(code);
    expect(res.json().timeline.map((e: { kind: string }) => e.kind)).toEqual(['submitted', 'published']);
  });

  it('answers 404 REPORT_NOT_FOUND for an unknown code and 400 for a malformed one', async () => {
    const missing = await t.app.inject({ method: 'GET', url: '/api/reports/TGR-222222' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('REPORT_NOT_FOUND');
    const malformed = await t.app.inject({ method: 'GET', url: '/api/reports/hello' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('INVALID_TRACKING_CODE');
  });

  it('does not show a report that is not public', async () => {
    const { code } = (await post(valid)).json();
    await t.db.query(sql`UPDATE reports SET status = 'rejected' WHERE code = ${code}`);
    expect((await t.app.inject({ method: 'GET', url: `/api/reports/${code}` })).statusCode).toBe(404);
  });
});
