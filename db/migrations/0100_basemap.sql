-- The self-hosted base map (server/src/basemap/): the streets, waterways and places of an
-- OpenStreetMap extract that residents orient by, kept in EPSG:3857 because the map's tiles
-- are drawn in it (no transform per tile). An import replaces every row in one transaction.
CREATE TABLE basemap_features (
  id bigserial PRIMARY KEY,
  -- 'road', 'waterway', 'water', 'poi', 'place': which tile layer draws it.
  layer text NOT NULL CHECK (layer IN ('road', 'waterway', 'water', 'poi', 'place')),
  -- Within a layer: road class (major, minor, path), waterway (river, canal, drain), poi
  -- (market, school, mosque), place (town, village, neighbourhood).
  kind text NOT NULL,
  name text,
  -- search_key(name) (db/functions/search_key.sql), written by the import: the search compares
  -- it with what was typed, and computing it for every row of a city on every search is slow.
  name_key text,
  osm_id text NOT NULL,
  geom geometry(Geometry, 3857) NOT NULL
);
CREATE INDEX basemap_features_geom_idx ON basemap_features USING gist (geom);
-- A street found by name is gathered from all its ways.
CREATE INDEX basemap_features_name_idx ON basemap_features (name) WHERE name IS NOT NULL;

-- One row per import: the tiles' cache key, and what the README tells an operator to check.
CREATE TABLE basemap_imports (
  id serial PRIMARY KEY,
  source_file text NOT NULL,
  feature_count integer NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now()
);
