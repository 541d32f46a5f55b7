-- The week a report counts in for report_cluster_weeks: the Monday starting it, Monday to
-- Sunday in WIB. A fixed UTC+7 rather than the Asia/Jakarta zone, so that the tile query
-- (server/src/reports/week-window.ts) finds the same week boundaries in JavaScript for any
-- date. Jakarta has kept UTC+7 since 1964, so these are the weeks of the planners' weekly
-- counts (server/src/analytics/weekly.ts) for every report.
CREATE OR REPLACE FUNCTION report_week(created_at timestamptz)
RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT date_trunc('week', (created_at AT TIME ZONE 'UTC') + interval '7 hours')::date
$$;
