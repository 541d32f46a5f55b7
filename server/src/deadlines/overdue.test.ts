import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.ts';
import { insertConstructedReport, twoKelurahan } from './test-fixtures.ts';

let t: TestApp;
let kelurahan: string;
beforeAll(async () => {
  t = await createTestApp();
  kelurahan = (await twoKelurahan(t.db)).tangerang;
});
afterAll(() => t?.close());

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
const publicView = async (code: string) => (await t.app.inject({ method: 'GET', url: `/api/reports/${code}` })).json();

describe('the overdue mark of the public report (is_overdue)', () => {
  it('marks a report past its deadline while it waits for the city, and no other', async () => {
    const cases: [string, { status?: string; dueAt: string | null; resolvedAt?: string }, boolean][] = [
      ['TGR-KAB2XY', { status: 'published', dueAt: hoursAgo(1) }, true],
      ['TGR-KAB3XY', { status: 'assigned', dueAt: hoursAgo(30) }, true],
      ['TGR-KAB4XY', { status: 'in_progress', dueAt: hoursAgo(2) }, true],
      ['TGR-KAB5XY', { status: 'assigned', dueAt: new Date(Date.now() + 3_600_000).toISOString() }, false],
      ['TGR-KAB6XY', { status: 'resolved', dueAt: hoursAgo(30), resolvedAt: hoursAgo(1) }, false],
      ['TGR-KAB7XY', { status: 'closed', dueAt: hoursAgo(30), resolvedAt: hoursAgo(2) }, false],
      ['TGR-KAB8XY', { status: 'published', dueAt: null }, false],
    ];
    for (const [code, r] of cases) await insertConstructedReport(t.db, { code, kelurahanCode: kelurahan, createdAt: hoursAgo(100), ...r });
    for (const [code, , overdue] of cases) {
      const report = await publicView(code);
      expect({ code, is_overdue: report.is_overdue }, JSON.stringify(report).slice(0, 300)).toEqual({ code, is_overdue: overdue });
    }
  });
});
