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
-- table changes, so it is never stale.

CREATE TABLE working_calendar (
  day                date PRIMARY KEY CHECK (day BETWEEN '2000-01-01' AND '2100-12-31'),
  is_working         boolean NOT NULL,
  -- Working days from 1 January 2000 up to and including this day: on a weekend or holiday,
  -- the number of the last working day before it.
  working_day_number integer NOT NULL
);
CREATE UNIQUE INDEX working_calendar_number_idx ON working_calendar (working_day_number) WHERE is_working;

-- jit off: the planner's estimate for 37,000 generated days makes it compile the query, which
-- takes longer than running it.
CREATE FUNCTION refresh_working_calendar() RETURNS void LANGUAGE plpgsql SET jit = off AS $$
BEGIN
  -- One rebuild at a time: a concurrent holiday change waits here, then counts with this one.
  -- EXCLUSIVE still lets submissions read the calendar meanwhile.
  LOCK TABLE working_calendar IN EXCLUSIVE MODE;
  DELETE FROM working_calendar;
  -- An integer series plus `date + integer` keeps the arithmetic in dates; a series of
  -- timestamps would follow the session's TimeZone setting.
  INSERT INTO working_calendar (day, is_working, working_day_number)
  SELECT day, is_working, count(*) FILTER (WHERE is_working) OVER (ORDER BY day)
  FROM (
    SELECT d.day, extract(isodow FROM d.day) < 6 AND h.date IS NULL AS is_working
    FROM generate_series(0, date '2100-12-31' - date '2000-01-01') AS n
    CROSS JOIN LATERAL (SELECT date '2000-01-01' + n AS day) AS d
    LEFT JOIN holidays h ON h.date = d.day
  ) AS days;
END $$;

CREATE FUNCTION holidays_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_working_calendar();
  RETURN NULL;
END $$;

CREATE TRIGGER holidays_refresh_working_calendar
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON holidays
  FOR EACH STATEMENT EXECUTE FUNCTION holidays_changed();

SELECT refresh_working_calendar();

-- The deadline as a one-row table, for many reports at once: a LANGUAGE sql function returning
-- a table, not STRICT, is inlined into the calling query, so
--   UPDATE … FROM reports r, LATERAL working_day_deadline(r.created_at, 5) d
-- becomes two joins on working_calendar (about 4 µs a report) instead of a call per report.
-- No row when days < 1 or the deadline falls outside 2000–2100.
CREATE FUNCTION working_day_deadline(start timestamptz, days integer)
RETURNS TABLE (due_at timestamptz) LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT (due.day + 1)::timestamp AT TIME ZONE 'Asia/Jakarta' - interval '1 millisecond'
  FROM working_calendar submitted
  JOIN working_calendar due
    ON due.is_working AND due.working_day_number = submitted.working_day_number + days
  WHERE submitted.day = (start AT TIME ZONE 'Asia/Jakarta')::date
    AND days >= 1
$$;

-- The same for one report (about 20 µs a call); NULL where working_day_deadline has no row.
CREATE FUNCTION add_working_days(start timestamptz, days integer)
RETURNS timestamptz LANGUAGE sql STABLE STRICT PARALLEL SAFE AS $$
  SELECT due_at FROM working_day_deadline(start, days)
$$;
