-- The operator console (server/src/console/).

-- Kelurahan search for phone and walk-in intake: staff type what the resident says ("sukarsa",
-- "pondok aren", "Pd. Aren"). pg_trgm would do this, but the embedded database (PGlite) cannot
-- load it, so the same idea in plain SQL: the set of three-letter pieces of a name squeezed to
-- lower-case letters and digits (spaces and dots dropped, as in sms/fuzzy.ts), padded like
-- pg_trgm pads a word so that the first letters weigh more than the middle ones.
CREATE FUNCTION name_trigrams(name text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT COALESCE(array_agg(DISTINCT substr(p.padded, i, 3)), '{}')
  FROM (SELECT '  ' || lower(regexp_replace(name, '[^[:alnum:]]+', '', 'g')) || ' ' AS padded) p,
       generate_series(1, length(p.padded) - 2) AS i
$$;

-- Kept with each kelurahan: cutting 158 names into pieces on every keystroke of a search cost
-- half a second; reading them costs nothing. Boundaries are loaded after the migrations, and
-- the column fills itself.
ALTER TABLE kelurahan ADD COLUMN name_trigrams text[] GENERATED ALWAYS AS (name_trigrams(name)) STORED;

-- A department's desk opens on its reports by deadline, soonest first (the console's default
-- sort); a kelurahan desk likewise. The id makes the order total for paging.
CREATE INDEX reports_department_due_idx ON reports (department_code, due_at, id);
CREATE INDEX reports_kelurahan_due_idx ON reports (kelurahan_code, due_at, id);
