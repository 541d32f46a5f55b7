-- What the public map's search compares (server/src/search/queries.ts): a name lower-cased,
-- with the street words residents abbreviate written short ("Jalan" and "Jl." both become "jl",
-- "Gang" and "Gg." "gg"), then everything but letters and digits squeezed out, so that
-- "jl merdeka", "Jl. Merdeka" and "Jalan Merdeka" match, and "pondokaren" finds "Pondok Aren".
CREATE OR REPLACE FUNCTION search_key(name text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT regexp_replace(
           regexp_replace(regexp_replace(lower(name), '\mjalan\M', 'jl', 'g'), '\mgang\M', 'gg', 'g'),
           '[^[:alnum:]]+', '', 'g')
$$;
