-- Where a report is shown in public (map, tiles, lists, exports, analytics): its own point, or,
-- for a category marked sensitive (categories.sensitive: reports about people rather than
-- things), the centre of the square of privacy_settings.sensitive_grid_m metres that holds it.
-- Squares of a fixed grid in UTM zone 48S (EPSG:32748, metres; its 102°E–108°E band holds both
-- cities) rather than a random offset: every report in a square shows at the same point, so
-- repeated reports of one place cannot be averaged back to it. Staff views read `location`.
CREATE OR REPLACE FUNCTION public_location_of(point geometry, category text)
RETURNS geometry LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN s.sensitive THEN
           ST_Transform(ST_SetSRID(ST_MakePoint(
             (floor(ST_X(s.utm) / s.grid_m) + 0.5) * s.grid_m,
             (floor(ST_Y(s.utm) / s.grid_m) + 0.5) * s.grid_m), 32748), 4326)
         ELSE point END
  FROM (SELECT coalesce((SELECT c.sensitive FROM categories c WHERE c.code = category), false) AS sensitive,
               (SELECT p.sensitive_grid_m FROM privacy_settings p)::double precision AS grid_m,
               ST_Transform(point, 32748) AS utm) AS s
$$;
