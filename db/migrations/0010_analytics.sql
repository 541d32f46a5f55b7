-- Planner analytics (server/src/analytics/): helpers the hotspot SQL needs on both PostgreSQL
-- and the embedded PGlite build.

-- Two-sided p-value of a standard normal z-score, P(|Z| >= |z|) = erfc(|z| / √2).
-- PostgreSQL 15 has no erf(); this is Abramowitz & Stegun (1964) formula 7.1.26, absolute
-- error below 1.5e-7, far finer than the 0.01 / 0.05 / 0.10 thresholds the bins use.
CREATE FUNCTION normal_two_sided_p(z double precision)
RETURNS double precision LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT LEAST(1.0, t * (0.254829592 + t * (-0.284496736 + t * (1.421413741
           + t * (-1.453152027 + t * 1.061405429)))) -- exp() underflows (an error in PostgreSQL) below e^-745: clamp, the tail is 0 anyway
           * exp(-LEAST(x * x, 700.0)))
  FROM (SELECT abs(z) / sqrt(2.0) AS x) AS scaled,
       LATERAL (SELECT 1.0 / (1.0 + 0.3275911 * scaled.x) AS t) AS rational
$$;

-- Each report's coordinates in metres (UTM zone 48S, whose 102°E–108°E band holds both
-- cities), stored like location_3857 for tiles: the hotspot and cluster queries read a million
-- points in one pass, and transforming each on every query would cost more than the rest
-- together. Plain numbers rather than a geometry because hexagon_cell() below is inlined with
-- its arguments repeated several times, and ST_X of a stored point deserialises it each time.
ALTER TABLE reports
  ADD COLUMN utm_x double precision GENERATED ALWAYS AS (ST_X(ST_Transform(location, 32748))) STORED,
  ADD COLUMN utm_y double precision GENERATED ALWAYS AS (ST_Y(ST_Transform(location, 32748))) STORED;

-- Analytics results are cached until a report is added or changed; max(updated_at) on this
-- index (with max(id) on the primary key) tells that in a few index pages instead of a scan.
CREATE INDEX reports_updated_at_idx ON reports (updated_at);

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
CREATE FUNCTION hexagon_cell(x double precision, y double precision, size double precision)
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
