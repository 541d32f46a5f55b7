-- Administrative boundaries (Kemendagri codes). Geometries in EPSG:4326 (lon, lat).
-- MultiPolygon so that any city can be loaded, though the seeded ones are single polygons.

CREATE TABLE cities (
  code        text PRIMARY KEY,                -- e.g. '36.71'
  name        text NOT NULL,
  -- Prefix of the public tracking codes of reports in this city, e.g. 'TGR' in TGR-7K3P9Q.
  code_prefix text NOT NULL UNIQUE CHECK (code_prefix ~ '^[A-Z]{3}$'),
  area_km2    double precision,
  geom        geometry(MultiPolygon, 4326) NOT NULL
);

CREATE TABLE kecamatan (
  code      text PRIMARY KEY,                  -- e.g. '36.71.01'
  city_code text NOT NULL REFERENCES cities (code),
  name      text NOT NULL,
  area_km2  double precision,
  geom      geometry(MultiPolygon, 4326) NOT NULL
);

CREATE TABLE kelurahan (
  code           text PRIMARY KEY,             -- e.g. '36.71.01.1001'
  kecamatan_code text NOT NULL REFERENCES kecamatan (code),
  city_code      text NOT NULL REFERENCES cities (code),
  name           text NOT NULL,
  area_km2       double precision,
  population     integer CHECK (population >= 0),
  geom           geometry(MultiPolygon, 4326) NOT NULL,
  -- A point inside the polygon, for labels and for reports located only by kelurahan name.
  label_point    geometry(Point, 4326) NOT NULL
);

CREATE INDEX cities_geom_idx ON cities USING gist (geom);
CREATE INDEX kecamatan_geom_idx ON kecamatan USING gist (geom);
CREATE INDEX kelurahan_geom_idx ON kelurahan USING gist (geom);
CREATE INDEX kelurahan_kecamatan_idx ON kelurahan (kecamatan_code);
