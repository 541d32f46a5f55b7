-- The hexagon of ST_HexagonGrid(size, …) holding the point (x, y), by arithmetic instead of a
-- point-in-polygon join: a million reports then cost a million evaluations of this, not a
-- million index probes. ST_HexagonGrid (PostGIS lwgeom hexagon()) lays flat-topped hexagons
-- with edge `size` from the origin of the point's SRID: with column spacing w = 1.5·size and
-- row spacing h = √3·size, the centre of hexagon (i, j) is
--   (w·i, h·j)          for even i,
--   (w·i, h·j + h/2)    for odd i.
-- A hexagon is exactly the set of points nearer its centre than any other (the lattice's
-- Voronoi cells), and the centres are two rectangular lattices of spacing 2w × h: the even
-- columns, and the odd ones offset by (w, h/2). The nearest point of a rectangular lattice is
-- found by rounding each coordinate, so: round in both lattices, keep the nearer centre.
-- x and y are metres (EPSG:32748 here); a point exactly on an edge goes to an even column.
--
-- Plain numbers, not a geometry: PostgreSQL inlines this function into the calling query and
-- repeats each argument expression wherever the body uses it, so pass plain columns
-- (reports.utm_x, utm_y), never a transform. All in double precision: a numeric literal such
-- as 2.0 would turn the per-row arithmetic into numeric arithmetic, several times slower.
CREATE OR REPLACE FUNCTION hexagon_cell(x double precision, y double precision, size double precision)
RETURNS TABLE (i integer, j integer) LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN near_even THEN 2 * a0 ELSE 2 * a1 + 1 END,
         CASE WHEN near_even THEN b0 ELSE b1 END
  FROM (SELECT 1.5::float8 * size AS w, sqrt(3::float8) * size AS h) AS spacing
  CROSS JOIN LATERAL (
    SELECT round(x / (2 * w))::integer AS a0, round(y / h)::integer AS b0,
           round((x - w) / (2 * w))::integer AS a1, round((y - h / 2) / h)::integer AS b1) AS nearest
  CROSS JOIN LATERAL (
    SELECT (x - 2 * w * a0) ^ 2 + (y - h * b0) ^ 2
        <= (x - w - 2 * w * a1) ^ 2 + (y - h / 2 - h * b1) ^ 2 AS near_even) AS choice
$$;
