import { describe, expect, it } from 'vitest';
import { rangeOf, weekEnd, windowOf } from './week-range.ts';

const mondays = ['2026-09-28', '2026-10-05', '2026-10-12', '2026-10-19'];

describe('week range of the time slider', () => {
  it('ends a week on its Sunday, across a month end', () => {
    expect(weekEnd('2026-09-28')).toBe('2026-10-04');
  });

  it('spans every week when no dates are set', () => {
    expect(rangeOf(mondays, '', '')).toEqual({ start: 0, end: 3 });
  });

  it('places typed dates in the weeks that hold them, clamped to the span', () => {
    expect(rangeOf(mondays, '2026-10-07', '2026-10-18')).toEqual({ start: 1, end: 2 });
    expect(rangeOf(mondays, '2026-01-01', '2027-01-01')).toEqual({ start: 0, end: 3 });
  });

  it('never puts the end handle before the start one', () => {
    expect(rangeOf(mondays, '2026-10-20', '2026-10-06')).toEqual({ start: 3, end: 3 });
  });

  it('turns weeks into a Monday-to-Sunday window that maps back to the same weeks', () => {
    const window = windowOf(mondays, { start: 1, end: 2 });
    expect(window).toEqual({ since: '2026-10-05', until: '2026-10-18' });
    expect(rangeOf(mondays, window.since, window.until)).toEqual({ start: 1, end: 2 });
  });
});
