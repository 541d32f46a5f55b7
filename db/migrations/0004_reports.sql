-- Reports: every one is a PostGIS point routed to a kelurahan and a department.

CREATE TABLE reports (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code                text NOT NULL UNIQUE,    -- public tracking code, e.g. 'TGR-7K3P9Q'
  category_code       text NOT NULL REFERENCES categories (code),
  description         text NOT NULL,
  status              text NOT NULL CHECK (status IN (
                        'submitted', 'published', 'rejected', 'assigned', 'in_progress',
                        'resolved', 'closed', 'duplicate')),
  location            geometry(Point, 4326) NOT NULL,
  -- The same point in Web Mercator, for tiles: indexed in the tiles' own SRID so a tile
  -- query filters with && on the index instead of transforming every row.
  location_3857       geometry(Point, 3857) GENERATED ALWAYS AS (ST_Transform(location, 3857)) STORED,
  accuracy_m          real CHECK (accuracy_m >= 0),
  address             text,
  channel             text NOT NULL DEFAULT 'web' CHECK (channel IN ('web', 'sms', 'phone', 'walk_in', 'api')),
  city_code           text NOT NULL REFERENCES cities (code),
  kecamatan_code      text NOT NULL REFERENCES kecamatan (code),
  kelurahan_code      text NOT NULL REFERENCES kelurahan (code),
  department_code     text NOT NULL REFERENCES departments (code),
  routing_explanation jsonb NOT NULL,
  -- Demo data is generated, never real; it is marked so that it can be told apart and removed.
  is_synthetic        boolean NOT NULL DEFAULT false,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX reports_location_idx ON reports USING gist (location);
CREATE INDEX reports_location_3857_idx ON reports USING gist (location_3857);
CREATE INDEX reports_created_at_idx ON reports (created_at, id);
CREATE INDEX reports_kelurahan_idx ON reports (kelurahan_code);
CREATE INDEX reports_category_status_idx ON reports (category_code, status);

-- The reporter's contact is personal data: kept apart from the report so that no public query
-- can select it by accident.
CREATE TABLE reporters (
  report_id bigint PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
  name      text,
  phone     text,
  email     text
);

CREATE TABLE report_photos (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  report_id  bigint NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  kind       text NOT NULL DEFAULT 'before' CHECK (kind IN ('before', 'after')),
  position   smallint NOT NULL,
  width      integer NOT NULL,
  height     integer NOT NULL,
  bytes      integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (report_id, kind, position)
);

-- Append-only history of each report; the public timeline is its public rows.
CREATE TABLE report_events (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  report_id  bigint NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  kind       text NOT NULL,                    -- 'submitted', 'published', 'status_changed', …
  actor      text NOT NULL,                    -- 'resident', 'system', or a staff account
  old_value  jsonb,
  new_value  jsonb,
  reason     text,
  is_public  boolean NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX report_events_report_idx ON report_events (report_id, id);

CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'report_events is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER report_events_append_only
  BEFORE UPDATE OR DELETE ON report_events
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();

-- A retried submission (same Idempotency-Key) returns the report it created the first time.
CREATE TABLE idempotency_keys (
  key          text PRIMARY KEY,
  request_hash text NOT NULL,
  report_id    bigint NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL DEFAULT now()
);
