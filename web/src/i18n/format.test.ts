import { describe, expect, it } from 'vitest';
import { formatDate, formatDay } from './format.ts';

describe('formatDay', () => {
  it('writes a bare day in the chosen language, day first', () => {
    expect(formatDay('2026-10-07', 'id')).toBe('7 Okt 2026');
    expect(formatDay('2026-10-07', 'en')).toBe('7 Oct 2026');
  });
});

describe('formatDate', () => {
  it('gives the day of an instant in Jakarta, where late evening UTC is already tomorrow', () => {
    expect(formatDate('2026-10-06T18:30:00Z', 'id')).toBe('7 Okt 2026');
    expect(formatDate('2026-10-06T16:30:00Z', 'en')).toBe('6 Oct 2026');
  });
});
