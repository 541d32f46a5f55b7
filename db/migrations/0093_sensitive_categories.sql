-- Privacy in every public output: reports of a sensitive category (about people rather than
-- things: a street vendor's stall, someone's building) are published at a coarse point, the
-- centre of a grid square (db/functions/public_location_of.sql), while staff see the exact one.

ALTER TABLE categories ADD COLUMN sensitive boolean NOT NULL DEFAULT false;
-- PKL & bangunan liar names a vendor's pitch or a family's building: a precise public pin
-- points at people. (Fresh databases get the flag from server/src/reference/categories.ts.)
UPDATE categories SET sensitive = true WHERE code = 'bangunan_liar';

-- One row: the grid size, written at start-up from SENSITIVE_GRID_M, so that triggers (cluster
-- cells, a newly stored report) snap with the same size as the server.
CREATE TABLE privacy_settings (
  only_row         boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  sensitive_grid_m integer NOT NULL DEFAULT 250 CHECK (sensitive_grid_m BETWEEN 10 AND 10000)
);
INSERT INTO privacy_settings DEFAULT VALUES;

-- The body db/functions/public_location_of.sql re-applies; the backfill below needs it now.
CREATE FUNCTION public_location_of(point geometry, category text)
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

-- The public point, with the same derived forms as the exact one: Web Mercator for tiles and
-- UTM 48S metres for the hot-spot analyses (see 0004 and 0010 for why they are stored).
ALTER TABLE reports ADD COLUMN public_location geometry(Point, 4326);
UPDATE reports SET public_location = CASE WHEN category_code = 'bangunan_liar'
                                          THEN public_location_of(location, category_code) ELSE location END;
ALTER TABLE reports
  ALTER COLUMN public_location SET NOT NULL,
  ADD COLUMN public_location_3857 geometry(Point, 3857) GENERATED ALWAYS AS (ST_Transform(public_location, 3857)) STORED,
  ADD COLUMN public_utm_x double precision GENERATED ALWAYS AS (ST_X(ST_Transform(public_location, 32748))) STORED,
  ADD COLUMN public_utm_y double precision GENERATED ALWAYS AS (ST_Y(ST_Transform(public_location, 32748))) STORED;
CREATE INDEX reports_public_location_idx ON reports USING gist (public_location);
CREATE INDEX reports_public_location_3857_idx ON reports USING gist (public_location_3857);

-- Cluster cells count public points from now on (report_cluster_cells_sync): the sensitive
-- category's cells are counted again from the snapped points.
DELETE FROM report_cluster_cells WHERE category_code = 'bangunan_liar';
INSERT INTO report_cluster_cells (zoom, cell_x, cell_y, kelurahan_code, category_code, status, report_count, sum_x, sum_y)
SELECT z, mercator_cell(ST_X(public_location_3857), z, false), mercator_cell(ST_Y(public_location_3857), z, true),
       kelurahan_code, category_code, status, count(*), sum(ST_X(public_location_3857)), sum(ST_Y(public_location_3857))
FROM reports CROSS JOIN generate_series(10, 16) AS z
WHERE category_code = 'bangunan_liar'
GROUP BY 1, 2, 3, 4, 5, 6;
