import { describe, expect, it } from 'vitest';
import { splitWindow, weekDate, weekStartOf } from './week-window.ts';

const at = (iso: string) => new Date(iso);

describe('WIB weeks', () => {
  it('start on Monday 00:00 WIB, which is Sunday 17:00 UTC', () => {
    expect(weekStartOf(at('2026-12-06T17:00:00Z'))).toEqual(at('2026-12-06T17:00:00Z'));
    expect(weekStartOf(at('2026-12-06T16:59:59.999Z'))).toEqual(at('2026-11-29T17:00:00Z'));
    expect(weekStartOf(at('2026-12-10T09:30:00Z'))).toEqual(at('2026-12-06T17:00:00Z'));
    expect(weekDate(at('2026-12-06T17:00:00Z'))).toBe('2026-12-07');
  });

  it('hold before 1970 too', () => {
    expect(weekDate(weekStartOf(at('1965-03-03T12:00:00Z')))).toBe('1965-03-01');
  });
});

describe('a time window split into whole weeks and edge days', () => {
  it('reads the partial days before and after the whole weeks from the reports', () => {
    // Wednesday noon WIB to the Thursday 08:00 WIB two weeks later.
    const since = at('2026-03-04T05:00:00Z');
    const until = at('2026-03-19T01:00:00Z');
    expect(splitWindow(since, until)).toEqual({
      weeks: { from: '2026-03-09', to: '2026-03-16' },
      edges: [{ since, until: at('2026-03-08T17:00:00Z') }, { since: at('2026-03-15T17:00:00Z'), until }],
    });
  });

  it('needs no edge days for the weeks the planner chooses (Monday to Monday, WIB)', () => {
    expect(splitWindow(at('2026-03-01T17:00:00Z'), at('2026-03-15T17:00:00Z')))
      .toEqual({ weeks: { from: '2026-03-02', to: '2026-03-16' }, edges: [] });
  });

  it('reads a window holding no whole week from the reports alone', () => {
    const since = at('2026-03-04T05:00:00Z');
    const until = at('2026-03-10T05:00:00Z');
    expect(splitWindow(since, until)).toEqual({ edges: [{ since, until }] });
  });

  it('leaves the weeks open on a side without a bound', () => {
    expect(splitWindow(undefined, at('2026-03-10T05:00:00Z')))
      .toEqual({ weeks: { from: undefined, to: '2026-03-09' }, edges: [{ since: at('2026-03-08T17:00:00Z'), until: at('2026-03-10T05:00:00Z') }] });
    expect(splitWindow(at('2026-03-08T17:00:00Z'), undefined)).toEqual({ weeks: { from: '2026-03-09', to: undefined }, edges: [] });
  });
});
