import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody } from '../test/multipart.ts';
import { signIn, type SignedIn } from '../test/staff.ts';
import { createTestApp, type TestApp } from '../test/app.ts';

// Every console endpoint and the lifecycle and moderation endpoints it drives, for each role
// and for no session. The report in question is Dinas PUPR's in Kelurahan Sukarasa; the
// officers of DLH and of the next kelurahan (Sukaasih) must not learn that it exists.
const who = ['nobody', 'planner', 'admin', 'moderator', 'pupr', 'dlh', 'sukarasa', 'sukaasih'] as const;
type Who = (typeof who)[number];

const phone = '081377778888';
const reporterName = 'Rahasia Warga';
const inSukarasa = { lon: 106.63172, lat: -6.17188 };

let t: TestApp;
const sessions = {} as Record<Who, SignedIn | null>;
let photoFile: string;
let sharedCode: string;

beforeAll(async () => {
  t = await createTestApp();
  sessions.nobody = null;
  sessions.planner = await signIn(t.app, t.db, { role: 'planner' });
  sessions.admin = await signIn(t.app, t.db, { role: 'admin' });
  sessions.moderator = await signIn(t.app, t.db, { role: 'moderator' });
  sessions.pupr = await signIn(t.app, t.db, { role: 'department_officer', departmentCode: 'tgr-pupr' });
  sessions.dlh = await signIn(t.app, t.db, { role: 'department_officer', departmentCode: 'tgr-dlh' });
  sessions.sukarasa = await signIn(t.app, t.db, { role: 'kelurahan_officer', kelurahanCode: '36.71.01.1001' });
  sessions.sukaasih = await signIn(t.app, t.db, { role: 'kelurahan_officer', kelurahanCode: '36.71.01.1002' });

  const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#456' } }).jpeg().toBuffer();
  const form = multipartBody(
    { category: 'jalan_rusak', description: 'Jalan berlubang dengan foto', lat: String(inSukarasa.lat), lon: String(inSukarasa.lon) },
    [{ name: 'photos', filename: 'a.jpg', type: 'image/jpeg', data: photo }],
  );
  const withPhoto = await t.app.inject({ method: 'POST', url: '/api/reports', payload: form.payload, headers: form.headers });
  sharedCode = withPhoto.json().code;
  photoFile = withPhoto.json().photos[0].url.split('/').pop();
});
afterAll(() => t?.close());

/** A fresh published road report in Sukarasa with the resident's contact, for a request that changes it. */
async function freshReport(): Promise<string> {
  const res = await t.app.inject({
    method: 'POST', url: '/api/reports',
    payload: { category: 'jalan_rusak', description: 'Jalan berlubang dalam di depan masjid', ...inSukarasa, reporter: { name: reporterName, phone } },
  });
  return res.json().code;
}

interface Call { method: 'GET' | 'POST' | 'PATCH'; url: string; payload?: object | Buffer; headers?: Record<string, string> }
type Expected = number | 'sees' | 'blind';

const afterPhoto = sharp({ create: { width: 40, height: 30, channels: 3, background: '#654' } }).jpeg().toBuffer();

const endpoints: Record<string, { call: (code: string) => Promise<Call>; expect: Record<Who, Expected> }> = {
  'GET /api/console/reports': {
    call: async () => ({ method: 'GET', url: '/api/console/reports?limit=200' }),
    expect: { nobody: 401, planner: 403, admin: 'sees', moderator: 'sees', pupr: 'sees', dlh: 'blind', sukarasa: 'sees', sukaasih: 'blind' },
  },
  'GET /api/console/reports?format=geojson': {
    call: async () => ({ method: 'GET', url: '/api/console/reports?format=geojson' }),
    expect: { nobody: 401, planner: 403, admin: 'sees', moderator: 'sees', pupr: 'sees', dlh: 'blind', sukarasa: 'sees', sukaasih: 'blind' },
  },
  'GET /api/console/reports/:code': {
    call: async (code) => ({ method: 'GET', url: `/api/console/reports/${code}` }),
    expect: { nobody: 401, planner: 403, admin: 200, moderator: 200, pupr: 200, dlh: 404, sukarasa: 200, sukaasih: 404 },
  },
  'POST /api/console/reports/:code/notes': {
    call: async (code) => ({ method: 'POST', url: `/api/console/reports/${code}/notes`, payload: { text: 'Catatan internal' } }),
    expect: { nobody: 401, planner: 403, admin: 201, moderator: 201, pupr: 201, dlh: 404, sukarasa: 201, sukaasih: 404 },
  },
  'POST /api/console/reports/:code/photos': {
    call: async (code) => {
      const form = multipartBody({}, [{ name: 'photos', filename: 'b.jpg', type: 'image/jpeg', data: await afterPhoto }]);
      return { method: 'POST', url: `/api/console/reports/${code}/photos`, payload: form.payload, headers: form.headers };
    },
    expect: { nobody: 401, planner: 403, admin: 201, moderator: 403, pupr: 201, dlh: 404, sukarasa: 201, sukaasih: 404 },
  },
  'GET /api/console/photos/:file': {
    call: async () => ({ method: 'GET', url: `/api/console/photos/${photoFile}` }),
    expect: { nobody: 401, planner: 403, admin: 200, moderator: 200, pupr: 200, dlh: 404, sukarasa: 200, sukaasih: 404 },
  },
  'POST /api/console/bulk-assign': {
    call: async (code) => ({ method: 'POST', url: '/api/console/bulk-assign', payload: { codes: [code] } }),
    expect: { nobody: 401, planner: 403, admin: 200, moderator: 200, pupr: 200, dlh: 404, sukarasa: 200, sukaasih: 404 },
  },
  'POST /api/console/intake': {
    call: async () => ({
      method: 'POST', url: '/api/console/intake',
      payload: { channel: 'walk_in', category: 'jalan_rusak', description: 'Jalan berlubang di gang', location: inSukarasa },
    }),
    expect: { nobody: 401, planner: 403, admin: 201, moderator: 201, pupr: 201, dlh: 201, sukarasa: 201, sukaasih: 201 },
  },
  'GET /api/console/kelurahan-search': {
    call: async () => ({ method: 'GET', url: '/api/console/kelurahan-search?q=sukarasa' }),
    expect: { nobody: 401, planner: 403, admin: 200, moderator: 200, pupr: 200, dlh: 200, sukarasa: 200, sukaasih: 200 },
  },
  'GET /api/console/receipts/:code': {
    call: async (code) => ({ method: 'GET', url: `/api/console/receipts/${code}` }),
    expect: { nobody: 401, planner: 403, admin: 200, moderator: 200, pupr: 200, dlh: 404, sukarasa: 200, sukaasih: 404 },
  },
  'POST /api/reports/:code/status (assign)': {
    call: async (code) => ({ method: 'POST', url: `/api/reports/${code}/status`, payload: { to: 'assigned' } }),
    expect: { nobody: 401, planner: 403, admin: 200, moderator: 200, pupr: 200, dlh: 404, sukarasa: 200, sukaasih: 404 },
  },
  'POST /api/reports/:code/status (reject: moderators only)': {
    call: async (code) => ({ method: 'POST', url: `/api/reports/${code}/status`, payload: { to: 'rejected', reason: 'Bukan laporan' } }),
    expect: { nobody: 401, planner: 403, admin: 200, moderator: 200, pupr: 403, dlh: 404, sukarasa: 403, sukaasih: 404 },
  },
  'PATCH /api/reports/:code': {
    call: async (code) => ({ method: 'PATCH', url: `/api/reports/${code}`, payload: { description: 'Jalan berlubang dalam di depan masjid raya', reason: 'Perjelas' } }),
    expect: { nobody: 401, planner: 403, admin: 200, moderator: 200, pupr: 200, dlh: 404, sukarasa: 200, sukaasih: 404 },
  },
  'POST /api/reports/:code/merge': {
    call: async (code) => ({ method: 'POST', url: `/api/reports/${code}/merge`, payload: { into: await freshReport() } }),
    expect: { nobody: 401, planner: 403, admin: 200, moderator: 200, pupr: 200, dlh: 404, sukarasa: 200, sukaasih: 404 },
  },
  'GET /api/moderation/queue': {
    call: async () => ({ method: 'GET', url: '/api/moderation/queue' }),
    expect: { nobody: 401, planner: 403, admin: 200, moderator: 200, pupr: 403, dlh: 403, sukarasa: 403, sukaasih: 403 },
  },
  'POST /api/console/reports/:code/notes without the CSRF token': {
    call: async (code) => ({ method: 'POST', url: `/api/console/reports/${code}/notes`, payload: { text: 'x' }, headers: { 'x-csrf-token': 'wrong' } }),
    expect: { nobody: 401, planner: 403, admin: 403, moderator: 403, pupr: 403, dlh: 403, sukarasa: 403, sukaasih: 403 },
  },
};

describe('the role × endpoint matrix', () => {
  it('gives each role exactly its access, hides other desks\' reports as 404 and never shows a planner personal data', async () => {
    const actual: Record<string, Record<Who, Expected>> = {};
    const planners: string[] = [];
    const strangers: string[] = [];
    for (const [name, endpoint] of Object.entries(endpoints)) {
      actual[name] = {} as Record<Who, Expected>;
      for (const role of who) {
        const code = name.includes('photos/:file') ? sharedCode : await freshReport();
        const call = await endpoint.call(code);
        const session = sessions[role];
        const res = await t.app.inject({
          method: call.method, url: call.url, payload: call.payload,
          headers: { ...(session?.headers ?? {}), ...call.headers },
        });
        let outcome: Expected = res.statusCode;
        const wanted = endpoint.expect[role];
        if ((wanted === 'sees' || wanted === 'blind') && res.statusCode === 200) outcome = res.body.includes(code) ? 'sees' : 'blind';
        actual[name][role] = outcome;
        if (role === 'planner') planners.push(res.body);
        if (wanted === 404 || wanted === 'blind') strangers.push(res.body);
        if (res.statusCode === 404) expect(res.json().error.code, `${name} as ${role}`).toMatch(/^(REPORT|PHOTO)_NOT_FOUND$/);
      }
    }
    expect(actual).toEqual(Object.fromEntries(Object.entries(endpoints).map(([name, e]) => [name, e.expect])));
    for (const body of [...planners, ...strangers]) {
      expect(body).not.toContain(phone);
      expect(body).not.toContain(reporterName);
    }
  });

  it('answers another desk\'s report exactly as a report that does not exist', async () => {
    const code = await freshReport();
    const theirs = await t.app.inject({ method: 'GET', url: `/api/console/reports/${code}`, headers: sessions.dlh!.headers });
    const nobodys = await t.app.inject({ method: 'GET', url: '/api/console/reports/TGR-ZZZZZZ', headers: sessions.dlh!.headers });
    expect(theirs.statusCode).toBe(404);
    expect(theirs.body.replaceAll(code, 'X')).toBe(nobodys.body.replaceAll('TGR-ZZZZZZ', 'X'));
  });
});
