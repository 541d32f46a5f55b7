import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { multipartBody } from '../test/multipart.ts';
import { pngClaiming } from '../test/oversized-png.ts';
import { signIn, type SignedIn } from '../test/staff.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { eventually } from '../test/eventually.ts';

let t: TestApp;
let admin: SignedIn;
let pupr: SignedIn; // Dinas PUPR of Kota Tangerang: roads and drains
let sukarasa: SignedIn; // the kelurahan office of Sukarasa

// Two neighbouring kelurahan of Kecamatan Tangerang (their label points).
const inSukarasa = { lon: 106.63172, lat: -6.17188 };
const inSukaasih = { lon: 106.63828, lat: -6.17136 };

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, t.db, { role: 'admin' });
  pupr = await signIn(t.app, t.db, { role: 'department_officer', departmentCode: 'tgr-pupr' });
  sukarasa = await signIn(t.app, t.db, { role: 'kelurahan_officer', kelurahanCode: '36.71.01.1001' });
});
afterAll(() => t?.close());

async function submit(category: string, at: { lon: number; lat: number }, description = `Laporan ${category} di sini, mohon ditangani`) {
  const res = await t.app.inject({
    method: 'POST', url: '/api/reports',
    payload: { category, description, ...at, reporter: { name: 'Ibu Sari', phone: '081234567890' } },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().code as string;
}

const get = (url: string, who: SignedIn) => t.app.inject({ method: 'GET', url, headers: who.headers });
const post = (url: string, who: SignedIn, payload: object) => t.app.inject({ method: 'POST', url, headers: who.headers, payload });
const codes = (body: { reports: { code: string }[] }) => body.reports.map((r) => r.code);

describe('the inbox', () => {
  let road: string, drain: string, rubbish: string, nextDoorRoad: string;
  beforeAll(async () => {
    road = await submit('jalan_rusak', inSukarasa);
    drain = await submit('drainase', inSukarasa);
    rubbish = await submit('sampah', inSukarasa);
    nextDoorRoad = await submit('jalan_rusak', inSukaasih);
    // The road report's deadline has passed; the drain's is far away.
    await t.db.query(sql`UPDATE reports SET due_at = now() - interval '2 days' WHERE code = ${road}`);
    await t.db.query(sql`UPDATE reports SET due_at = now() + interval '30 days' WHERE code = ${drain}`);
  });

  it('lists only the reports of the officer\'s own department or kelurahan', async () => {
    const dinas = (await get('/api/console/reports?limit=200', pupr)).json();
    expect(codes(dinas)).toEqual(expect.arrayContaining([road, drain, nextDoorRoad]));
    expect(codes(dinas)).not.toContain(rubbish);
    const kelurahan = (await get('/api/console/reports?limit=200', sukarasa)).json();
    expect(codes(kelurahan)).toEqual(expect.arrayContaining([road, drain, rubbish]));
    expect(codes(kelurahan)).not.toContain(nextDoorRoad);
  });

  it('sorts by deadline, soonest first, and flags the overdue', async () => {
    const body = (await get('/api/console/reports?limit=200', sukarasa)).json();
    const mine = codes(body).filter((c) => [road, drain, rubbish].includes(c));
    expect(mine[0]).toBe(road);
    expect(mine.indexOf(drain)).toBeGreaterThan(mine.indexOf(rubbish));
    const first = body.reports.find((r: { code: string }) => r.code === road);
    expect(first).toMatchObject({ overdue: true, category: 'jalan_rusak', status: 'published', channel: 'web', support_count: 0 });
    expect(first.kelurahan).toEqual({ code: '36.71.01.1001', name: 'Sukarasa' });
  });

  it('sorts by any inbox column, and in reverse with a leading "-"', async () => {
    const ordered = async (sort: string) => codes((await get(`/api/console/reports?sort=${sort}`, admin)).json());
    // Sukaasih before Sukarasa by name; within one kelurahan, in the order they came.
    expect(await ordered('kelurahan')).toEqual([nextDoorRoad, road, drain, rubbish]);
    expect(await ordered('-kelurahan')).toEqual([rubbish, drain, road, nextDoorRoad]);
    expect(await ordered('category')).toEqual([drain, road, nextDoorRoad, rubbish]);
    const byCode = await ordered('code');
    expect(new Set(byCode)).toEqual(new Set([road, drain, rubbish, nextDoorRoad]));
    expect(await ordered('-code')).toEqual([...byCode].reverse());
    // The drain's deadline is the latest, the overdue road's the earliest.
    const latestFirst = await ordered('-due');
    expect([latestFirst[0], latestFirst.at(-1)]).toEqual([drain, road]);
    await t.db.query(sql`UPDATE reports SET status = 'in_progress' WHERE code = ${rubbish}`);
    try {
      expect((await ordered('-status'))[0]).toBe(rubbish);
      expect((await ordered('status')).at(-1)).toBe(rubbish);
    } finally {
      await t.db.query(sql`UPDATE reports SET status = 'published' WHERE code = ${rubbish}`);
    }
    const bad = await get('/api/console/reports?sort=description', admin);
    expect(bad.statusCode).toBe(400);
  });

  it('filters by overdue, status, category, kelurahan and creation day', async () => {
    expect(codes((await get('/api/console/reports?overdue=true', admin)).json())).toEqual([road]);
    expect(codes((await get('/api/console/reports?category=sampah,drainase&sort=created', admin)).json())).toEqual([rubbish, drain]);
    expect(codes((await get('/api/console/reports?kelurahan=36.71.01.1002', admin)).json())).toEqual([nextDoorRoad]);
    expect((await get('/api/console/reports?status=resolved', admin)).json()).toEqual({ total: 0, reports: [] });
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
    expect((await get(`/api/console/reports?created_from=${today}&created_to=${today}`, admin)).json().total).toBe(4);
    expect((await get('/api/console/reports?created_to=2020-01-01', admin)).json().total).toBe(0);
    const bad = await get('/api/console/reports?status=nonsense', admin);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message_id: expect.any(String) });
  });

  it('pages with a total', async () => {
    const page = (await get('/api/console/reports?limit=2&offset=2', admin)).json();
    expect(page.total).toBe(4);
    expect(page.reports).toHaveLength(2);
    expect((await get('/api/console/reports?limit=2&offset=10', admin)).json()).toEqual({ total: 4, reports: [] });
  });

  it('answers GeoJSON for the map, in scope', async () => {
    const res = await get('/api/console/reports?format=geojson', pupr);
    expect(res.headers['content-type']).toMatch(/application\/geo\+json/);
    const features = res.json().features;
    expect(features.map((f: { properties: { code: string } }) => f.properties.code).sort()).toEqual([road, drain, nextDoorRoad].sort());
    const overdue = features.find((f: { properties: { code: string } }) => f.properties.code === road);
    expect(overdue.geometry.coordinates).toEqual([inSukarasa.lon, inSukarasa.lat]);
    expect(overdue.properties).toMatchObject({ overdue: true, status: 'published', color: expect.stringMatching(/^#/) });
  });
});

describe('a report\'s desk view', () => {
  it('shows internal events, notes, the reporter and routing; notes never reach the public page', async () => {
    const code = await submit('jalan_rusak', inSukarasa);
    const note = await post(`/api/console/reports/${code}/notes`, pupr, { text: 'Sudah dicek, perlu tambal aspal' });
    expect(note.statusCode, note.body).toBe(201);
    const detail = (await get(`/api/console/reports/${code}`, pupr)).json();
    expect(detail.reporter).toEqual({ name: 'Ibu Sari', phone: '081234567890', email: null });
    expect(detail.events.map((e: { kind: string }) => e.kind)).toEqual(['submitted', 'published', 'routed', 'note']);
    expect(detail.notes).toEqual([expect.objectContaining({ reason: 'Sudah dicek, perlu tambal aspal', is_public: false, actor_name: 'department_officer' })]);
    expect(detail.routing_explanation.kelurahan).toMatchObject({ code: '36.71.01.1001' });
    expect(detail.allowed_transitions).toEqual([
      { to: 'assigned', needs: [] }, { to: 'in_progress', needs: [] }, { to: 'resolved', needs: ['response'] },
      { to: 'referred', needs: ['agency', 'response'] }, { to: 'cannot_fix', needs: ['reason', 'response'] },
      { to: 'no_action_needed', needs: ['response'] },
    ]);
    const publicPage = (await t.app.inject({ method: 'GET', url: `/api/reports/${code}` })).body;
    expect(publicPage).not.toContain('tambal aspal');
    expect(publicPage).not.toContain('081234567890');
  });

  it('takes up to 3 after photos from a fixer, EXIF removed, and refuses a 4th', async () => {
    const code = await submit('jalan_rusak', inSukarasa);
    const withGps = await sharp({ create: { width: 80, height: 60, channels: 3, background: '#777' } })
      .jpeg().withExif({ IFD0: { Copyright: 'kamera-petugas-123' } }).toBuffer();
    expect((await sharp(withGps).metadata()).exif).toBeDefined();
    const upload = (n: number) => {
      const form = multipartBody({}, Array.from({ length: n }, (_, i) => ({ name: 'photos', filename: `p${i}.jpg`, type: 'image/jpeg', data: withGps })));
      return t.app.inject({ method: 'POST', url: `/api/console/reports/${code}/photos`, payload: form.payload, headers: { ...pupr.headers, ...form.headers } });
    };
    const first = await upload(2);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toEqual({ added: 2, total_after: 2 });
    const refused = await upload(2);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('TOO_MANY_AFTER_PHOTOS');

    const detail = (await get(`/api/console/reports/${code}`, pupr)).json();
    const after = detail.photos.filter((p: { kind: string }) => p.kind === 'after');
    expect(after).toHaveLength(2);
    const stored = await get(after[0].url, pupr);
    expect(stored.headers['content-type']).toBe('image/jpeg');
    expect((await sharp(stored.rawPayload).metadata()).exif).toBeUndefined();
    expect(detail.events.at(-1)).toMatchObject({ kind: 'after_photos_added', is_public: false });
  });

  it('checks the report\'s status before decoding any after photo', async () => {
    const code = await submit('jalan_rusak', inSukarasa);
    await t.db.query(sql`UPDATE reports SET status = 'closed' WHERE code = ${code}`);
    // Neither file can be decoded (one is not an image, one claims 100 megapixels): a refusal
    // that names the status shows that the status was read before either was looked at.
    const form = multipartBody({}, [
      { name: 'photos', filename: 'a.jpg', type: 'image/jpeg', data: Buffer.from('not an image at all') },
      { name: 'photos', filename: 'b.png', type: 'image/png', data: pngClaiming(10_000, 10_000) },
    ]);
    const res = await t.app.inject({ method: 'POST', url: `/api/console/reports/${code}/photos`, payload: form.payload, headers: { ...pupr.headers, ...form.headers } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('AFTER_PHOTOS_NOT_ALLOWED');
  });

  it('refuses an after photo over 40 megapixels from its header', async () => {
    const code = await submit('jalan_rusak', inSukarasa);
    const form = multipartBody({}, [{ name: 'photos', filename: 'b.png', type: 'image/png', data: pngClaiming(10_000, 10_000) }]);
    const res = await t.app.inject({ method: 'POST', url: `/api/console/reports/${code}/photos`, payload: form.payload, headers: { ...pupr.headers, ...form.headers } });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PHOTO_TOO_MANY_PIXELS');
  });
});

describe('bulk assign', () => {
  it('assigns every report, audited, each with the note', async () => {
    const batch = [await submit('jalan_rusak', inSukarasa), await submit('drainase', inSukaasih)];
    const res = await post('/api/console/bulk-assign', pupr, { codes: batch, reason: 'Dijadwalkan minggu ini', note: 'Tim B' });
    expect(res.statusCode, res.body).toBe(200);
    for (const code of batch) {
      const detail = (await get(`/api/console/reports/${code}`, pupr)).json();
      expect(detail.status).toBe('assigned');
      expect(detail.events.slice(-2)).toMatchObject([
        { kind: 'status_changed', reason: 'Dijadwalkan minggu ini', is_public: true, new_value: { status: 'assigned' } },
        { kind: 'note', reason: 'Tim B', is_public: false },
      ]);
    }
  });

  it('changes none when one report is another department\'s, and names it', async () => {
    const mine = await submit('jalan_rusak', inSukarasa);
    const theirs = await submit('sampah', inSukarasa);
    const res = await post('/api/console/bulk-assign', pupr, { codes: [mine, theirs] });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'REPORT_NOT_FOUND', details: { report: theirs } });
    expect((await get(`/api/console/reports/${mine}`, pupr)).json().status).toBe('published');
  });
});

describe('intake (Ruang Rakyat)', () => {
  it('finds a kelurahan by a misspelt name', async () => {
    const hits = (await get('/api/console/kelurahan-search?q=sukarsa', sukarasa)).json().kelurahan;
    expect(hits[0]).toMatchObject({ code: '36.71.01.1001', name: 'Sukarasa', kecamatan: { name: 'Tangerang' } });
    const pondokAren = (await get('/api/console/kelurahan-search?q=pondok%20aren', sukarasa)).json().kelurahan;
    expect(pondokAren[0]).toMatchObject({ name: 'Pondok Aren', city: { code: '36.74' } });
    const babakan = (await get('/api/console/kelurahan-search?q=babakan', sukarasa)).json().kelurahan;
    expect(babakan.map((k: { kecamatan: { name: string } }) => k.kecamatan.name).sort()).toEqual(['Setu', 'Tangerang']);
  });

  it('files a phone report at a kelurahan, keeps the contact private and queues the code for the resident', async () => {
    const res = await post('/api/console/intake', sukarasa, {
      channel: 'phone', category: 'sampah', description: 'Tumpukan sampah di pinggir kali sudah seminggu',
      location: { kelurahan_code: '36.71.01.1002' }, reporter: { name: 'Pak Budi', phone: '+6281299990000' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const intake = res.json();
    expect(intake).toMatchObject({ status: 'published', location_is_approximate: true, receipt_path: `/console/receipt/${intake.code}` });
    // The resident is told the code (sms/notify.ts): the 'submitted' event waits in the outbox.
    const queued = await t.db.query<{ kind: string }>(sql`
      SELECT e.kind FROM outbox o
      JOIN report_events e ON e.id = (o.payload->>'eventId')::bigint
      JOIN reports r ON r.id = e.report_id
      WHERE r.code = ${intake.code} AND o.topic = 'reporter_notice'
      ORDER BY e.id`);
    expect(queued.map((q) => q.kind)).toEqual(['submitted', 'published']);

    const publicPage = (await t.app.inject({ method: 'GET', url: intake.public_path.replace('/r/', '/api/reports/') })).json();
    expect(publicPage).toMatchObject({ channel: 'phone', kelurahan: { name: 'Sukaasih' }, location: { is_approximate: true } });
    expect(JSON.stringify(publicPage)).not.toContain('Budi');
    // Sukaasih is another kelurahan's desk, but the officer who filed it can print the receipt.
    expect((await get(`/api/console/reports/${intake.code}`, sukarasa)).statusCode).toBe(404);
    const receipt = await get(`/api/console/receipts/${intake.code}`, sukarasa);
    expect(receipt.json()).toMatchObject({ code: intake.code, kelurahan: 'Sukaasih', filed_by: 'kelurahan_officer' });
    expect(receipt.body).not.toContain('Budi');
    const events = (await get(`/api/console/reports/${intake.code}`, admin)).json().events;
    expect(events[0]).toMatchObject({ kind: 'submitted', actor_name: 'kelurahan_officer', new_value: { channel: 'phone' } });
  });

  it('files a walk-in report at a map pin, and holds an abusive one for a moderator', async () => {
    const pinned = await post('/api/console/intake', admin, {
      channel: 'walk_in', category: 'jalan_rusak', description: 'Jalan berlubang di depan pasar', location: inSukarasa,
    });
    expect(pinned.json()).toMatchObject({ status: 'published', location_is_approximate: false });
    const abusive = await post('/api/console/intake', admin, {
      channel: 'walk_in', category: 'jalan_rusak', description: 'Dasar pejabat goblok, jalan rusak dibiarkan', location: inSukarasa,
    });
    expect(abusive.json().status).toBe('submitted');
  });

  it('refuses an unknown kelurahan and a point outside the cities, in both languages', async () => {
    const unknown = await post('/api/console/intake', admin, {
      channel: 'phone', category: 'sampah', description: 'Sampah menumpuk di jalan', location: { kelurahan_code: '36.71.99.9999' },
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error).toMatchObject({ code: 'UNKNOWN_KELURAHAN', message_id: expect.stringContaining('tidak dikenal') });
    const outside = await post('/api/console/intake', admin, {
      channel: 'phone', category: 'sampah', description: 'Sampah menumpuk di jalan', location: { lat: -6.9, lon: 107.6 },
    });
    expect(outside.json().error.code).toBe('OUTSIDE_SERVICE_AREA');
  });
});
