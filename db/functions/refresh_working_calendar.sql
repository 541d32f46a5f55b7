-- Rebuilds working_calendar from `holidays`: every day from 2000 to 2100 numbered once, with the
-- count of working days up to and including it, so that the Nth working day after day D is the
-- working day numbered number(D) + N (see working_day_deadline.sql). A working day is a
-- Monday–Friday that is not in `holidays` (national or cuti bersama).
--
-- jit off: the planner's estimate for 37,000 generated days makes it compile the query, which
-- takes longer than running it.
CREATE OR REPLACE FUNCTION refresh_working_calendar() RETURNS void LANGUAGE plpgsql SET jit = off AS $$
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
