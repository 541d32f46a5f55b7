-- PostGIS does the spatial work: containment, distances in metres, tiles.
CREATE EXTENSION IF NOT EXISTS postgis;
