-- Cell index of a Web Mercator coordinate at zoom z (16 cells per tile per axis), for the
-- report counts per grid cell in report_cluster_cells.
--
-- A cell at zoom z is 1/16 of a z/x/y tile on each axis (so 256 MVT units of a 4096 extent,
-- about 32 px of a 512 px tile): cell_x = floor(tile x at zoom z+4).
-- 20037508.342789244 is half the width of the EPSG:3857 world square.
CREATE OR REPLACE FUNCTION mercator_cell(coordinate double precision, z integer, is_y boolean)
RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT floor(
    (CASE WHEN is_y THEN 20037508.342789244 - coordinate ELSE coordinate + 20037508.342789244 END)
    / (2 * 20037508.342789244) * (2 ^ (z + 4))
  )::integer
$$;
