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
CREATE FUNCTION route_kelurahan(point geometry)
RETURNS TABLE (
  kelurahan_code text,
  kecamatan_code text,
  city_code      text,
  rule           text,
  distance_m     double precision,
  candidates     text[]
) LANGUAGE sql STABLE AS $$
  WITH inside_city AS (
    SELECT EXISTS (SELECT 1 FROM cities c WHERE ST_Intersects(c.geom, point)) AS ok
  ),
  near AS (
    SELECT k.code, k.kecamatan_code, k.city_code,
           ST_Intersects(k.geom, point) AS contains,
           ST_Distance(k.geom::geography, point::geography) AS distance_m
    FROM kelurahan k
    -- 0.001° ≈ 110 m at this latitude: a bounding-box prefilter on the GiST index
    WHERE k.geom && ST_Expand(point, 0.001)
  ),
  ranked AS (
    SELECT * FROM near WHERE contains OR distance_m <= 100
  )
  SELECT r.code, r.kecamatan_code, r.city_code,
         CASE WHEN NOT r.contains THEN 'nearest_in_gap'
              WHEN (SELECT count(*) FROM ranked WHERE contains) > 1 THEN 'overlap_lowest_code'
              ELSE 'contains' END,
         round(r.distance_m::numeric, 1)::double precision,
         ARRAY(SELECT code FROM ranked ORDER BY NOT contains, distance_m, code)
  FROM ranked r, inside_city
  WHERE inside_city.ok
  ORDER BY NOT r.contains, r.distance_m, r.code
  LIMIT 1
$$;
