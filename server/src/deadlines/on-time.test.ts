import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { onTimeRates, type OnTimeRow } from './on-time.ts';
import { insertConstructedReport, twoKelurahan } from './test-fixtures.ts';

let t: TestDatabase;
let kel: { tangerang: string; tangsel: string };
const asOf = new Date('2026-10-20T00:00:00Z');
const period = { since: '2026-10-01', until: '2026-10-31', asOf };

// Reports of October 2026, judged on 20 October: due before then means overdue.
beforeAll(async () => {
  t = await createTestDatabase();
  kel = await twoKelurahan(t.db);
  const inTangerang = { kelurahanCode: kel.tangerang, category: 'sampah', createdAt: '2026-10-05T03:00:00Z' };
  const due = '2026-10-08T16:59:59.999Z';
  const reports = [
    // resolved on the deadline's last millisecond: on time
    { ...inTangerang, code: 'TGR-ONT001', status: 'resolved', dueAt: due, resolvedAt: due },
    { ...inTangerang, code: 'TGR-ONT002', status: 'resolved', dueAt: due, resolvedAt: '2026-10-08T17:00:00Z' },
    { ...inTangerang, code: 'TGR-ONT003', status: 'in_progress', dueAt: due },
    { ...inTangerang, code: 'TGR-ONT004', status: 'published', dueAt: '2026-10-22T16:59:59.999Z' },
    // closed without being resolved: still counts against the department
    { ...inTangerang, code: 'TGR-ONT005', status: 'closed', dueAt: due },
    // 00:30 WIB on 1 October is 17:30 UTC on 30 September: inside the period
    { ...inTangerang, code: 'TGR-ONT006', status: 'closed', createdAt: '2026-09-30T17:30:00Z', dueAt: due, resolvedAt: '2026-10-02T03:00:00Z' },
    // left out: rejected, no deadline, submitted 00:30 WIB on 1 November
    { ...inTangerang, code: 'TGR-ONT007', status: 'rejected', dueAt: due },
    { ...inTangerang, code: 'TGR-ONT008', status: 'published', dueAt: null },
    { ...inTangerang, code: 'TGR-ONT009', status: 'published', createdAt: '2026-10-31T17:30:00Z', dueAt: '2026-11-03T16:59:59.999Z' },
    // Tangerang Selatan: one flood report handled in time
    { kelurahanCode: kel.tangsel, category: 'banjir', code: 'TSL-ONT010', status: 'resolved', createdAt: '2026-10-10T01:00:00Z',
      dueAt: '2026-10-12T16:59:59.999Z', resolvedAt: '2026-10-11T01:00:00Z' },
  ];
  for (const r of reports) await insertConstructedReport(t.db, r);
});
afterAll(() => t?.drop());

const row = (rows: OnTimeRow[], code: string) => rows.find((r) => r.code === code);
const counts = (r?: OnTimeRow) => r && [r.reports_with_deadline, r.resolved_on_time, r.resolved_late, r.open_overdue, r.open_not_yet_due, r.on_time_rate];

describe('onTimeRates', () => {
  it('counts on time, late, overdue and not yet due per kelurahan, and the rate over the decided ones', async () => {
    const rows = await onTimeRates(t.db, { group: 'kelurahan', ...period });
    // 6 reports: 2 on time, 1 late, 2 overdue (one of them closed unresolved), 1 not yet due → 2 / 5
    expect(counts(row(rows, kel.tangerang))).toEqual([6, 2, 1, 2, 1, 0.4]);
    expect(counts(row(rows, kel.tangsel))).toEqual([1, 1, 0, 0, 0, 1]);
    expect(rows.length).toBe(158);
    const others = rows.filter((r) => r.code !== kel.tangerang && r.code !== kel.tangsel);
    expect(others.every((r) => r.reports_with_deadline === 0 && r.on_time_rate === null)).toBe(true);
  });

  it('gives the same figures per department', async () => {
    const rows = await onTimeRates(t.db, { group: 'department', ...period });
    expect(counts(row(rows, 'tgr-dlh'))).toEqual([6, 2, 1, 2, 1, 0.4]);
    expect(counts(row(rows, 'tsl-bpbd'))).toEqual([1, 1, 0, 0, 0, 1]);
    expect(counts(row(rows, 'tgr-pupr'))).toEqual([0, 0, 0, 0, 0, null]);
    expect(row(rows, 'tgr-dlh')).toMatchObject({ name: 'Dinas Lingkungan Hidup Kota Tangerang', city_code: '36.71' });
  });

  it('judges overdue against the moment asked about', async () => {
    const early = await onTimeRates(t.db, { group: 'department', ...period, asOf: new Date('2026-10-08T16:00:00Z') });
    // before the deadline, the two open reports are not yet due: only the resolved ones decide
    expect(counts(row(early, 'tgr-dlh'))).toEqual([6, 2, 1, 0, 3, 0.6667]);
  });

  it('keeps to the WIB days of the period', async () => {
    const november = await onTimeRates(t.db, { group: 'department', since: '2026-11-01', until: '2026-11-30', asOf });
    expect(counts(row(november, 'tgr-dlh'))).toEqual([1, 0, 0, 0, 1, null]);
    const firstOctober = await onTimeRates(t.db, { group: 'department', since: '2026-10-01', until: '2026-10-01', asOf });
    expect(counts(row(firstOctober, 'tgr-dlh'))).toEqual([1, 1, 0, 0, 0, 1]);
  });
});

describe('onTimeRates with outcomes other than a fix', () => {
  it('counts referred, unfixable and no-action reports as their own kind: neither resolved nor open, and out of the rate', async () => {
    // Road reports, so that the department (tgr-pupr) has no other report in the period.
    const road = { kelurahanCode: kel.tangerang, category: 'jalan_rusak', createdAt: '2026-10-05T03:00:00Z', dueAt: '2026-10-19T16:59:59.999Z' };
    const reports = [
      { ...road, code: 'TGR-OUT001', status: 'resolved', resolvedAt: '2026-10-09T03:00:00Z' },
      { ...road, code: 'TGR-OUT002', status: 'in_progress' }, // overdue on 20 October
      // given long after the deadline, yet neither late nor overdue
      { ...road, code: 'TGR-OUT003', status: 'referred', outcomeAt: '2026-10-19T20:00:00Z' },
      { ...road, code: 'TGR-OUT004', status: 'referred', outcomeAt: '2026-10-06T03:00:00Z' },
      { ...road, code: 'TGR-OUT005', status: 'cannot_fix', outcomeAt: '2026-10-07T03:00:00Z' },
      { ...road, code: 'TGR-OUT006', status: 'no_action_needed', outcomeAt: '2026-10-07T03:00:00Z' },
    ];
    for (const r of reports) await insertConstructedReport(t.db, r);
    const pupr = row(await onTimeRates(t.db, { group: 'department', ...period }), 'tgr-pupr');
    expect(counts(pupr)).toEqual([6, 1, 0, 1, 0, 0.5]);
    expect(pupr).toMatchObject({ referred: 2, cannot_fix: 1, no_action_needed: 1 });
  });
});
