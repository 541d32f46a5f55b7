import { describe, expect, it } from 'vitest';
import { formatTypedDate, parseTypedDate } from './typed-date.ts';

describe('parseTypedDate', () => {
  it('reads day first, as dd/mm/yyyy', () => {
    expect(parseTypedDate('07/10/2026')).toEqual({ kind: 'date', iso: '2026-10-07' });
    expect(parseTypedDate('12/01/2026')).toEqual({ kind: 'date', iso: '2026-01-12' });
  });

  it('takes one-digit days and months, dashes or dots, and spaces around', () => {
    expect(parseTypedDate('7/1/2026')).toEqual({ kind: 'date', iso: '2026-01-07' });
    expect(parseTypedDate(' 7-1-2026 ')).toEqual({ kind: 'date', iso: '2026-01-07' });
    expect(parseTypedDate('31.12.2025')).toEqual({ kind: 'date', iso: '2025-12-31' });
  });

  it('takes an ISO date pasted from elsewhere', () => {
    expect(parseTypedDate('2026-10-07')).toEqual({ kind: 'date', iso: '2026-10-07' });
  });

  it('knows leap years', () => {
    expect(parseTypedDate('29/02/2024')).toEqual({ kind: 'date', iso: '2024-02-29' });
    expect(parseTypedDate('29/02/2026')).toEqual({ kind: 'invalid' });
    expect(parseTypedDate('29/02/2100')).toEqual({ kind: 'invalid' });
  });

  it('rejects days and months that do not exist', () => {
    for (const text of ['31/04/2026', '00/10/2026', '07/13/2026', '07/00/2026', '32/01/2026', '2026-02-30']) {
      expect(parseTypedDate(text), text).toEqual({ kind: 'invalid' });
    }
  });

  it('rejects a year not written in four digits, or far outside the records', () => {
    for (const text of ['07/10/26', '07/10/202', '07/10/20266', '07/10/0026', '07/10/2206']) {
      expect(parseTypedDate(text), text).toEqual({ kind: 'invalid' });
    }
  });

  it('rejects text that is not a date, and month-first American dates past the 12th', () => {
    for (const text of ['kemarin', '07/10', '07 10 2026', '10/31/2026', '07/10/2026x', '2026/10/07']) {
      expect(parseTypedDate(text), text).toEqual({ kind: 'invalid' });
    }
  });

  it('reads an empty or blank field as no date', () => {
    expect(parseTypedDate('')).toEqual({ kind: 'empty' });
    expect(parseTypedDate('   ')).toEqual({ kind: 'empty' });
  });
});

describe('formatTypedDate', () => {
  it('writes an ISO date day first', () => {
    expect(formatTypedDate('2026-10-07')).toBe('07/10/2026');
    expect(formatTypedDate('2024-02-29')).toBe('29/02/2024');
  });

  it('writes nothing for no date', () => {
    expect(formatTypedDate('')).toBe('');
  });

  it('round-trips through parseTypedDate', () => {
    for (const iso of ['2026-01-01', '2025-12-31', '2024-02-29']) {
      expect(parseTypedDate(formatTypedDate(iso))).toEqual({ kind: 'date', iso });
    }
  });
});
