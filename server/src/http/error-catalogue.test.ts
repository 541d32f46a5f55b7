import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue, type ErrorCode, type ParamsOf } from './error-catalogue.ts';

const srcDir = path.resolve(import.meta.dirname, '..');
const cataloguePath = path.join(import.meta.dirname, 'error-catalogue.ts');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

type ParameterisedCode = { [C in ErrorCode]: [ParamsOf<C>] extends [void] ? never : C }[ErrorCode];

// Values for every message that needs them; a new parameterised code without a sample fails tsc.
const samples: { [C in ParameterisedCode]: ParamsOf<C>[] } = {
  BAD_REQUEST: [{ problem: 'reach fields limit' }],
  NUL_CHARACTER: [{ field: 'body.description' }],
  NOT_FOUND: [{ method: 'GET', url: '/api/nothing' }],
  TOO_MANY_REQUESTS: [{ retryAfterSeconds: 1 }, { retryAfterSeconds: 42 }, { retryAfterSeconds: 540 }],
  UNKNOWN_CATEGORY: [{ categories: ['gempa'] }, { categories: ['gempa', 'naga'] }],
  UNKNOWN_DEPARTMENT: [{ department: 'dinas-naga' }],
  UNKNOWN_KELURAHAN: [{ code: '36.71.99.9999' }],
  UNKNOWN_AREA: [{ level: 'kecamatan', codes: ['36.71.99'] }],
  UNSUPPORTED_FORMAT: [{ format: 'xlsx', supported: ['csv', 'geojson', 'ndjson'] }],
  SNAPSHOT_NOT_FOUND: [{ file: 'reports-2026-01-01.csv' }],
  REPORT_NOT_FOUND: [{ code: 'TGR-7K3P9Q' }],
  INVALID_TRANSITION: [{ from: 'closed', to: 'assigned' }, { reopenFrom: 'assigned' }],
  TRANSITION_NOT_ALLOWED_FOR_ROLE: [{ role: 'moderator', from: 'assigned', to: 'resolved' }],
  REPORT_NOT_OPEN: [{ code: 'TGR-7K3P9Q', status: 'closed' }],
  REOPEN_WINDOW_PASSED: [{ windowDays: 14 }],
  PHOTO_TOO_MANY_PIXELS: [{ width: 10000, height: 10000, maxMegapixels: 40 }],
  AFTER_PHOTOS_NOT_ALLOWED: [{ status: 'submitted' }],
  TOO_MANY_AFTER_PHOTOS: [{ max: 3, existing: 2 }],
  INVALID_DATE: [{ field: 'since', value: '2026-02-30' }],
  DISTANCE_TOO_SHORT: [{ minimumM: 867, cellM: 500 }],
  INVALID_TILE: [{ z: 3, x: 8, y: 0 }],
  HOLIDAY_EXISTS: [{ date: '2026-08-17' }],
  HOLIDAY_NOT_FOUND: [{ date: '2026-08-18' }],
  RULE_NOT_FOUND: [{ id: 42 }],
  UNKNOWN_LAYER: [{ layer: 'jalan-nasional' }],
  LAYER_HAS_NO_POLYGONS: [{ layer: 'jalan-nasional' }],
  LAYER_NOT_FOUND: [{ name: 'jalan-nasional' }],
  LAYER_EXISTS: [{ name: 'jalan-nasional' }],
  LAYER_IN_USE: [{ name: 'jalan-nasional', ruleIds: [3, 7] }],
  BASEMAP_NOTHING_MATCHED: [{ layer: 'road', kind: 'major', nameContains: null }, { layer: 'road', kind: 'major', nameContains: 'Daan Mogot' }],
  INVALID_GEOJSON: [{ problem: '"features" must be an array' }, { problem: 'each item must be a Feature', feature: 2 }],
  UNSUPPORTED_CRS: [{ crs: '"EPSG:32748"' }],
  COORDINATES_SWAPPED: [{ feature: 1, lon: -6.17, lat: 106.63 }],
  NOT_LONLAT: [{ feature: 1, lon: 683000, lat: 9318000 }],
  TOO_MANY_FEATURES: [{ max: 5000 }],
  UNSUPPORTED_GEOMETRY_TYPE: [{ feature: 4, type: '"GeometryCollection"' }],
  DUPLICATE_FEATURE_ID: [{ feature: 5, id: 'a' }],
  TOO_MANY_VERTICES: [{ max: 200000 }],
  INVALID_GEOMETRY: [
    { count: 2, afterRepair: false, first: { feature: 1, reason: 'Self-intersection' } },
    { count: 1, afterRepair: true, first: { feature: 3, reason: 'Too few points' } },
  ],
  FEATURES_OUTSIDE_SERVICE_AREA: [{ count: 1, marginKm: 5 }],
  SERVICE_NOT_FOUND: [{ serviceCode: 'gempa' }],
  UNKNOWN_SERVICE_CODE: [{ serviceCode: 'gempa' }],
  SERVICE_REQUEST_NOT_FOUND: [{ id: 'TGR-7K3P9Q' }],
  TOKEN_NOT_FOUND: [{ token: 'TGR-7K3P9Q' }],
  INVALID_ATTRIBUTE: [{ attribute: 'water_depth', problem: { id: 'wajib diisi', en: 'is required' } }],
  UNKNOWN_JURISDICTION: [{ jurisdiction: 'jakarta', known: ['36.71', '36.74'] }],
  DATE_RANGE_TOO_LONG: [{ maxDays: 90 }],
  API_KEY_NOT_FOUND: [{ id: 7 }],
  COLLECTION_NOT_FOUND: [{ collection: 'jalan' }],
  FEATURE_NOT_FOUND: [{ collection: 'reports', id: 'TGR-7K3P9Q' }],
  INVALID_FILTER: [{ problem: 'expected a property name', position: 12 }],
  NOT_ACCEPTABLE: [{ offered: ['application/geo+json', 'application/json'] }],
};

function messagesOf(code: ErrorCode) {
  const entry = catalogue[code] as { message: (p: unknown) => { id: string; en: string } };
  const params: unknown[] = code in samples ? samples[code as ParameterisedCode] : [undefined];
  return params.map((p) => entry.message(p));
}

describe('the error catalogue', () => {
  it('defines each code once', () => {
    const text = fs.readFileSync(cataloguePath, 'utf8');
    const body = text.slice(text.indexOf('export const catalogue = {'), text.indexOf('\n};\n'));
    const defined = [...body.matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1]);
    const twice = defined.filter((code, i) => defined.indexOf(code) !== i);
    expect(twice).toEqual([]);
    expect(defined.sort()).toEqual(Object.keys(catalogue).sort());
  });

  it('is the only place an AppError is made, so no code is defined beside it', () => {
    const elsewhere = sourceFiles(srcDir)
      .filter((file) => file !== cataloguePath && fs.readFileSync(file, 'utf8').includes('new AppError('))
      .map((file) => path.relative(srcDir, file));
    expect(elsewhere).toEqual([]);
  });

  it('has no code that nothing in server/src raises', () => {
    const source = sourceFiles(srcDir)
      .filter((file) => file !== cataloguePath)
      .map((file) => fs.readFileSync(file, 'utf8'))
      .join('\n');
    const unused = Object.keys(catalogue).filter((code) => !source.includes(`'${code}'`));
    expect(unused).toEqual([]);
  });

  it('gives every code a client or server error status', () => {
    for (const [code, entry] of Object.entries(catalogue)) {
      expect(entry.status, code).toBeGreaterThanOrEqual(400);
      expect(entry.status, code).toBeLessThan(600);
    }
  });

  it.each(Object.keys(catalogue) as ErrorCode[])('says %s in Indonesian and in English, differently', (code) => {
    for (const { id, en } of messagesOf(code)) {
      expect(id.trim()).not.toBe('');
      expect(en.trim()).not.toBe('');
      expect(id).not.toBe(en);
      expect(`${id} ${en}`).not.toMatch(/undefined|\[object Object\]|NaN/);
    }
  });
});
