-- route_kelurahan (0006) again, with the same signature and the same answers, about twice as
-- fast: the API calls it for every submission and the demo seed for every synthetic point.
--
-- 0006 measured the geodesic distance (geography) from the point to every kelurahan whose
-- bounding box lies within 0.001° of it, about four polygons per point, even when one polygon
-- plainly contains the point. Two cheaper planar tests now decide which distances are needed:
--   * a kelurahan counts only if its polygon (not its box) lies within 0.001° of the point
--     (ST_DWithin on the GiST index). A degree here is at least 110.5 km in any direction, so
--     every polygon within 100 geodesic metres is still measured;
--   * a polygon that contains the point and whose edge is more than 0.00001° (≈ 1.1 m) away
--     is at geodesic distance 0: a geodesic edge between vertices a few hundred metres apart
--     strays from the straight lon/lat segment by well under a millimetre at this latitude, so
--     the spheroid's point-in-polygon test agrees with the planar one, and ST_Distance on
--     geography returns exactly 0 for a point inside. Points nearer an edge are measured as
--     before, so an overlap is still ranked by the same distances.
-- Everything else (the city outline test, the 100 m gap rule, the ranking, the candidates
-- list) is 0006's statement unchanged. PARALLEL SAFE: it only reads, so a bulk statement may
-- route its points in parallel workers.
CREATE OR REPLACE FUNCTION route_kelurahan(point geometry)
RETURNS TABLE (
  kelurahan_code text,
  kecamatan_code text,
  city_code      text,
  rule           text,
  distance_m     double precision,
  candidates     text[]
) LANGUAGE sql STABLE PARALLEL SAFE AS $$
  WITH inside_city AS (
    SELECT EXISTS (SELECT 1 FROM cities c WHERE ST_Intersects(c.geom, point)) AS ok
  ),
  near AS (
    SELECT k.code, k.kecamatan_code, k.city_code,
           ST_Intersects(k.geom, point) AS contains,
           CASE WHEN ST_Intersects(k.geom, point) AND NOT ST_DWithin(ST_Boundary(k.geom), point, 0.00001)
                THEN 0::double precision
                ELSE ST_Distance(k.geom::geography, point::geography) END AS distance_m
    FROM kelurahan k
    WHERE ST_DWithin(k.geom, point, 0.001)
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
