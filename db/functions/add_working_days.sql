-- The deadline of one report (about 20 µs a call): the rule is in working_day_deadline.sql;
-- NULL where working_day_deadline has no row.
CREATE OR REPLACE FUNCTION add_working_days(start timestamptz, days integer)
RETURNS timestamptz LANGUAGE sql STABLE STRICT PARALLEL SAFE AS $$
  SELECT due_at FROM working_day_deadline(start, days)
$$;
