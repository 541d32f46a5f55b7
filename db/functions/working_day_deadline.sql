-- The deadline of a report: the end of the Nth working day after the day it was submitted.
--
-- The rule, in Asia/Jakarta local time (WIB, UTC+7 all year, no daylight saving):
--   * a working day is a Monday–Friday that is not in `holidays` (national or cuti bersama);
--   * the day of submission never counts, whatever the hour and whether or not it is a working
--     day: counting starts on the next calendar day, so a report from Saturday counts from
--     Monday, and one from 23:30 WIB (16:30 UTC) belongs to that WIB day, not to the UTC one;
--   * the deadline is the last millisecond (23:59:59.999 WIB) of the Nth working day, so a
--     report resolved any time on that day is on time (resolved_at <= due_at).
-- E.g. 1 working day from Friday 22:00 WIB is Monday 23:59:59.999 WIB, if Monday is a working day.
--
-- Every day from 2000 to 2100 is numbered once, in `working_calendar`, with the count of working
-- days up to and including it. The Nth working day after day D is then the working day numbered
-- number(D) + N: two index lookups instead of walking the days. (Walking a generate_series of
-- days per report took ~300 µs a call, half a minute per 100,000 reports; see
-- server/src/deadlines/benchmark.ts.) The calendar is rebuilt from `holidays` whenever that
-- table changes (holidays_changed.sql), so it is never stale.
--
-- The deadline as a one-row table, for many reports at once: a LANGUAGE sql function returning
-- a table, not STRICT, is inlined into the calling query, so
--   UPDATE … FROM reports r, LATERAL working_day_deadline(r.created_at, 5) d
-- becomes two joins on working_calendar (about 4 µs a report) instead of a call per report.
-- No row when days < 1 or the deadline falls outside 2000–2100.
CREATE OR REPLACE FUNCTION working_day_deadline(start timestamptz, days integer)
RETURNS TABLE (due_at timestamptz) LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT (due.day + 1)::timestamp AT TIME ZONE 'Asia/Jakarta' - interval '1 millisecond'
  FROM working_calendar submitted
  JOIN working_calendar due
    ON due.is_working AND due.working_day_number = submitted.working_day_number + days
  WHERE submitted.day = (start AT TIME ZONE 'Asia/Jakarta')::date
    AND days >= 1
$$;
