-- Spatial routing rules (server/src/routing-rules/) and the reference layers they test against
-- (server/src/layers/). A rule says: for these categories, where this spatial condition holds,
-- this unit receives the report instead of the category's default city department.

-- Some receivers are not a city's dinas: the national roads office (BPJN Banten), the river basin
-- office (BBWS Ciliwung Cisadane), the city's market enterprise (Perumda Pasar). National and
-- provincial units belong to no city; a city-owned enterprise belongs to its city. Existing rows
-- are city departments and stay valid under the default.
ALTER TABLE departments
  ADD COLUMN level text NOT NULL DEFAULT 'city'
    CHECK (level IN ('city', 'enterprise', 'provincial', 'national'));
ALTER TABLE departments ALTER COLUMN city_code DROP NOT NULL;
ALTER TABLE departments ADD CONSTRAINT departments_level_city CHECK (
  CASE WHEN level IN ('city', 'enterprise') THEN city_code IS NOT NULL ELSE city_code IS NULL END);

-- A named layer of reference features imported from GeoJSON (roads, river banks, markets).
CREATE TABLE layers (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name          text NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  title         text,
  -- Samples shipped in data/layers/ are hand-drawn approximations, never official data.
  is_sample     boolean NOT NULL DEFAULT false,
  imported_by   text NOT NULL,
  imported_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE layer_features (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  layer_id    bigint NOT NULL REFERENCES layers (id) ON DELETE CASCADE,
  feature_key text NOT NULL,                   -- the GeoJSON feature's id, else its position
  name        text,
  properties  jsonb NOT NULL DEFAULT '{}',
  geom        geometry(Geometry, 4326) NOT NULL CHECK (ST_IsValid(geom) AND NOT ST_IsEmpty(geom)),
  -- Distances are asked in metres ("within 30 m of a national road"). Geography answers them on
  -- the spheroid with no projection to choose, and ST_DWithin(geography) uses this column's GiST
  -- index. UTM 48S (EPSG:32748) would serve as well here (scale error ~0.002% at 106.6°E), but
  -- would tie the data to one zone and need an index on an ST_Transform expression.
  geog        geography GENERATED ALWAYS AS (geom::geography) STORED,
  UNIQUE (layer_id, feature_key)
);
-- Containment ("inside a market polygon") is asked of the planar lon/lat geometry.
CREATE INDEX layer_features_geom_idx ON layer_features USING gist (geom);
CREATE INDEX layer_features_geog_idx ON layer_features USING gist (geog);

CREATE TABLE routing_rules (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name             text NOT NULL CHECK (length(name) BETWEEN 3 AND 200),
  -- Higher wins; equal priorities fall to the older rule (lower id), see route_department.
  priority         integer NOT NULL CHECK (priority BETWEEN 1 AND 1000),
  category_codes   text[] CHECK (cardinality(category_codes) > 0),    -- NULL: every category
  city_code        text REFERENCES cities (code),                      -- NULL: both cities
  condition        text NOT NULL CHECK (condition IN ('in_kelurahan', 'in_kecamatan', 'in_layer', 'near_layer')),
  area_codes       text[],                   -- kelurahan or kecamatan codes
  layer_id         bigint REFERENCES layers (id),    -- a layer a rule uses cannot be deleted
  distance_m       double precision,
  department_code  text NOT NULL REFERENCES departments (code),
  -- Who answers on the ground when it is not the kelurahan the point lies in, e.g. a market's
  -- management office. Stored in the explanation of each report the rule routes.
  responsible_unit text CHECK (length(responsible_unit) BETWEEN 2 AND 200),
  is_active        boolean NOT NULL DEFAULT true,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  -- Each condition carries exactly the parameters it needs.
  CHECK (CASE condition
    WHEN 'in_kelurahan' THEN cardinality(area_codes) > 0 AND layer_id IS NULL AND distance_m IS NULL
    WHEN 'in_kecamatan' THEN cardinality(area_codes) > 0 AND layer_id IS NULL AND distance_m IS NULL
    WHEN 'in_layer'     THEN area_codes IS NULL AND layer_id IS NOT NULL AND distance_m IS NULL
    WHEN 'near_layer'   THEN area_codes IS NULL AND layer_id IS NOT NULL AND distance_m > 0 AND distance_m <= 5000
  END)
);
CREATE INDEX routing_rules_active_idx ON routing_rules (priority DESC, id) WHERE is_active;

-- Every change to a rule, with the whole row before and after. Append-only; no foreign key to
-- the rule, so the history of a deleted rule stays.
CREATE TABLE routing_rule_events (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  rule_id    bigint NOT NULL,
  action     text NOT NULL CHECK (action IN ('created', 'updated', 'deleted')),
  actor      text NOT NULL,                    -- 'staff:<id>' or 'system:seed'
  old_value  jsonb,
  new_value  jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX routing_rule_events_rule_idx ON routing_rule_events (rule_id, id);

CREATE FUNCTION refuse_routing_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER routing_rule_events_append_only
  BEFORE UPDATE OR DELETE ON routing_rule_events
  FOR EACH ROW EXECUTE FUNCTION refuse_routing_audit_change();
