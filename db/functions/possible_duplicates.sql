-- Open reports of the same category within `radius_m` metres and `window_days` days of a point,
-- nearest first, at most 10: offered to a resident as they submit (submit_report.sql), who may
-- support one of them instead of filing the same problem again, and by the nearby lookup
-- (server/src/lifecycle/possible-duplicates.ts).
--
-- A plain sql function, so the planner inlines it into the caller's query.
CREATE OR REPLACE FUNCTION possible_duplicates(
  here          geometry,
  for_category  text,
  radius_m      double precision,
  window_days   integer,
  except_code   text
)
RETURNS TABLE (
  code          text,
  distance_m    double precision,
  created_at    text,
  status        text,
  support_count integer,
  description   text,
  lat           double precision,
  lon           double precision
) LANGUAGE sql STABLE AS $$
  -- Distances to public points: a resident's pins must not triangulate a sensitive report.
  SELECT r.code, round(ST_Distance(r.public_location::geography, here::geography)::numeric, 1)::float8 AS distance_m,
         to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
         r.status, r.support_count, r.description, ST_Y(r.public_location) AS lat, ST_X(r.public_location) AS lon
  FROM reports r
  WHERE r.category_code = for_category
    -- openStatuses written out: reports_open_category_idx (0041) has this predicate, and a
    -- bound list would not match it
    AND r.status IN ('published', 'assigned', 'in_progress')
    AND r.created_at > now() - make_interval(days => window_days)
    -- bounding-box prefilter on the GiST index: 1° ≥ 100 km at this latitude, so radius/100 km
    -- in degrees is a little wider than the radius; then exact metres on the spheroid
    AND r.public_location && ST_Expand(here, radius_m / 100000.0)
    AND ST_DWithin(r.public_location::geography, here::geography, radius_m)
    AND r.code IS DISTINCT FROM except_code
  ORDER BY distance_m, r.created_at DESC
  LIMIT 10
$$;
