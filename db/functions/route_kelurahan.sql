-- Which kelurahan receives a point. One definition, used by the API and the bulk demo seed.
--
-- The published boundaries were simplified one polygon at a time, so neighbours overlap by
-- slivers and leave sliver gaps between them (data/boundaries/SOURCE.md: 269 overlapping pairs,
-- ~500 gaps, the largest gap 3,701 m², all within a few metres of a boundary). The rule:
--   1. the point must lie inside a city outline (the outlines have their sliver holes filled),
--      otherwise it is outside the service area: no row;
--   2. a kelurahan whose polygon contains the point wins; where two overlap, the lowest code
--      wins ('contains' / 'overlap_lowest_code');
--   3. a point in a gap goes to the nearest kelurahan within 100 m ('nearest_in_gap'). 100 m is
--      twice the half-width of the largest filled hole (1 ha), so every gap inside an outline is
--      covered, while a point 100 m from every kelurahan is not silently moved.
-- Distances are geodesic metres (geography).
--
-- This body (first shipped in migration 0080) answers about three times faster than the first
-- one (migration 0006), which computed a geodesic distance to every kelurahan whose box lay
-- within 0.001° of the point, even to the one containing it, and evaluated its candidate list
-- three times. Now:
--   * candidates come from a planar ST_DWithin of 0.00095°: here (6° S) a degree is at least
--     110.5 km in any direction, so every kelurahan within 100 geodesic metres (0.000905°) is
--     found, with a margin;
--   * a containing kelurahan is at distance 0, so its geodesic distance is not computed; only
--     neighbours not containing the point are measured. (0006 measured it, and for a point on
--     the edge of an overlap the geodesic distance could come out a hair above 0, ranking that
--     kelurahan after the other one whatever its code; the documented rule, lowest code wins
--     in an overlap, now always holds);
--   * the containing count and the candidate list come from one pass of window functions;
--   * the candidates are MATERIALIZED: inlined, the planner evaluated ST_Intersects three times
--     and ST_Distance twice per candidate.
-- server/src/reports/route-kelurahan.test.ts checks that it answers as the 0006 body did on real
-- overlaps, gaps, points near edges and points outside the cities, but for that edge case.
CREATE OR REPLACE FUNCTION route_kelurahan(point geometry)
RETURNS TABLE (
  kelurahan_code text,
  kecamatan_code text,
  city_code      text,
  rule           text,
  distance_m     double precision,
  candidates     text[]
) LANGUAGE sql STABLE PARALLEL SAFE AS $$
  WITH near AS MATERIALIZED (
    SELECT k.code, k.kecamatan_code, k.city_code, k.geom, ST_Intersects(k.geom, point) AS contains
    FROM kelurahan k
    WHERE ST_DWithin(k.geom, point, 0.00095)
  ),
  measured AS MATERIALIZED (
    SELECT code, kecamatan_code, city_code, contains,
           CASE WHEN contains THEN 0 ELSE ST_Distance(geom::geography, point::geography) END AS distance_m
    FROM near
  ),
  ranked AS (
    SELECT *,
           count(*) FILTER (WHERE contains) OVER () AS containing,
           array_agg(code) OVER (ORDER BY NOT contains, distance_m, code
                                 ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS candidates
    FROM measured
    WHERE contains OR distance_m <= 100
  )
  SELECT r.code, r.kecamatan_code, r.city_code,
         CASE WHEN NOT r.contains THEN 'nearest_in_gap'
              WHEN r.containing > 1 THEN 'overlap_lowest_code'
              ELSE 'contains' END,
         round(r.distance_m::numeric, 1)::double precision,
         r.candidates
  FROM ranked r
  -- Outside every city outline is outside the service area, however near a kelurahan.
  WHERE EXISTS (SELECT 1 FROM cities c WHERE ST_Intersects(c.geom, point))
  ORDER BY NOT r.contains, r.distance_m, r.code
  LIMIT 1
$$;
