-- Open311 GeoReport v2 (server/src/open311/): the keys that let other applications file reports,
-- and what such a report carried beyond the fields every channel shares.

-- A key is shown once, when an admin issues it; only its SHA-256 is kept, so a copy of the
-- database does not hand out working keys. A revoked key stays listed, for the audit.
CREATE TABLE open311_api_keys (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  key_hash     text NOT NULL UNIQUE CHECK (key_hash ~ '^[0-9a-f]{64}$'),
  created_by   bigint REFERENCES staff (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  revoked_at   timestamptz,
  last_used_at timestamptz
);

-- The answers to a category's questions (attribute[code]=value) and the link to a photo the
-- client hosts (media_url, never fetched by the server), per report filed through the API.
CREATE TABLE open311_submissions (
  report_id  bigint PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
  api_key_id bigint NOT NULL REFERENCES open311_api_keys (id),
  attributes jsonb NOT NULL DEFAULT '{}'::jsonb,
  media_url  text CHECK (media_url ~ '^https?://')
);
CREATE INDEX open311_submissions_api_key_idx ON open311_submissions (api_key_id);
