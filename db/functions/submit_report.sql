-- Stores a resident's report in one call, inside the caller's transaction (server/src/reports/
-- submit.ts prepares the values and screens the text; this does the rest, in this order, as the
-- steps did when each was its own statement):
--   1. the category must exist, else refusal UNKNOWN_CATEGORY;
--   2. route_report (route_report.sql): kelurahan, city and department, else refusal
--      OUTSIDE_SERVICE_AREA;
--   3. possible_duplicates (possible_duplicates.sql), found before this report is stored;
--   4. screen_bursts (screen_bursts.sql) adds the burst flags to the text screen; any flag, or
--      MODERATE_ALL, holds the report for a moderator ('submitted'), else it is 'published';
--   5. the report, under the first of `code_bodies` (drawn by the caller) not yet taken in its
--      city; a published one gets its deadline at once: its category's working days counted from
--      its submission (working_day_deadline.sql; created_at is now(), the transaction's start);
--   6. its Idempotency-Key, when it came with one (held since lock_idempotency_key.sql), with the
--      request's digest and the resident token a retry is answered with;
--   7. its contact, its photos' rows (the caller wrote the files first), and its first events:
--      submitted, then published or held_for_moderation, then routed. The events' trigger
--      (queue_reporter_notice.sql) reads the contact, so the contact comes first.
-- A refusal is answered before anything is written, so the caller can raise the catalogue's error.
-- One call instead of a dozen statements: a report's ingest costs one round trip, and the
-- statements' plans are kept by plpgsql for the connection's life.
CREATE OR REPLACE FUNCTION submit_report(
  category                  text,
  description               text,
  lon                       double precision,
  lat                       double precision,
  accuracy_m                real,
  address                   text,
  channel                   text,
  location_is_approximate   boolean,
  actor                     text,
  code_bodies               text[],
  resident_token_hash       text,
  source_hash               text,
  address_hash              text,
  text_screen               jsonb,
  moderate_all              boolean,
  source_burst_limit        bigint,
  address_burst_limit       bigint,
  duplicate_radius_m        double precision,
  duplicate_window_days     integer,
  reporter                  jsonb,
  photos                    jsonb,
  idempotency_key           text,
  request_hash              text,
  resident_token            text
)
RETURNS TABLE (
  refusal             text,
  report_id           bigint,
  tracking_code       text,
  report_status       text,
  possible_duplicates jsonb
) LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  here          geometry := ST_SetSRID(ST_MakePoint(submit_report.lon, submit_report.lat), 4326);
  working_days  integer;
  routed        record;
  duplicates    jsonb;
  screen        jsonb;
  new_status    text;
  new_id        bigint;
  new_code      text;
  deadline      timestamptz;
  code_body     text;
BEGIN
  SELECT c.response_working_days INTO working_days FROM categories c WHERE c.code = submit_report.category;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'UNKNOWN_CATEGORY', NULL::bigint, NULL, NULL, NULL::jsonb;
    RETURN;
  END IF;

  SELECT * INTO routed FROM route_report(here, submit_report.category);
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'OUTSIDE_SERVICE_AREA', NULL::bigint, NULL, NULL, NULL::jsonb;
    RETURN;
  END IF;
  IF routed.department_code IS NULL THEN
    RAISE EXCEPTION 'No routing rule matched and no department of city % handles category %',
      routed.city_code, submit_report.category;
  END IF;

  -- Aggregated in the function's order (nearest first).
  SELECT COALESCE(jsonb_agg(to_jsonb(d)), '[]'::jsonb) INTO duplicates
  FROM possible_duplicates(here, submit_report.category, duplicate_radius_m, duplicate_window_days, NULL) AS d;

  screen := screen_bursts(text_screen, submit_report.source_hash, submit_report.address_hash,
                          source_burst_limit, address_burst_limit);
  new_status := CASE WHEN moderate_all OR jsonb_array_length(screen -> 'flags') > 0 THEN 'submitted' ELSE 'published' END;
  IF new_status = 'published' THEN
    -- add_working_days's rule, read through the table function it wraps: inlined here, its plan
    -- is kept with this statement's, where add_working_days (a sql function that is not
    -- inlined) would plan its body again at every report, about ten times the cost.
    SELECT w.due_at INTO deadline FROM working_day_deadline(now(), working_days) AS w;
  END IF;

  FOREACH code_body IN ARRAY code_bodies LOOP
    INSERT INTO reports AS r (code, category_code, description, status, location, accuracy_m, address, channel,
                              city_code, kecamatan_code, kelurahan_code, department_code, routing_explanation,
                              resident_token_hash, source_hash, address_hash, moderation_flags, location_is_approximate,
                              due_at, due_counted_from, due_working_days)
    VALUES (routed.city_prefix || '-' || code_body, submit_report.category, submit_report.description, new_status,
            here, submit_report.accuracy_m, submit_report.address, submit_report.channel,
            routed.city_code, routed.kecamatan_code, routed.kelurahan_code, routed.department_code, routed.explanation,
            submit_report.resident_token_hash, submit_report.source_hash, submit_report.address_hash, screen,
            submit_report.location_is_approximate,
            deadline,
            CASE WHEN new_status = 'published' THEN now() END,
            CASE WHEN new_status = 'published' THEN working_days END)
    ON CONFLICT (code) DO NOTHING
    RETURNING r.id, r.code INTO new_id, new_code;
    EXIT WHEN new_id IS NOT NULL;
  END LOOP;
  IF new_id IS NULL THEN
    RAISE EXCEPTION 'could not draw an unused tracking code in % attempts', cardinality(code_bodies);
  END IF;

  IF idempotency_key IS NOT NULL THEN
    INSERT INTO idempotency_keys (key, request_hash, report_id, resident_token)
    VALUES (idempotency_key, submit_report.request_hash, new_id, submit_report.resident_token);
  END IF;
  IF reporter IS NOT NULL THEN
    INSERT INTO reporters (report_id, name, phone, email)
    VALUES (new_id, reporter ->> 'name', reporter ->> 'phone', reporter ->> 'email');
  END IF;
  INSERT INTO report_photos (id, report_id, kind, position, width, height, bytes)
  SELECT p.id, new_id, 'before', p.position, p.width, p.height, p.bytes
  FROM jsonb_to_recordset(COALESCE(photos, '[]'::jsonb)) AS p(id uuid, position smallint, width integer, height integer, bytes integer);

  INSERT INTO report_events (report_id, kind, actor, new_value, is_public)
  VALUES (new_id, 'submitted', submit_report.actor, jsonb_build_object('status', 'submitted', 'channel', submit_report.channel), true);
  IF new_status = 'published' THEN
    INSERT INTO report_events (report_id, kind, actor, old_value, new_value, is_public)
    VALUES (new_id, 'published', 'system', '{"status": "submitted"}', '{"status": "published"}', true);
  ELSE
    INSERT INTO report_events (report_id, kind, actor, new_value, is_public)
    VALUES (new_id, 'held_for_moderation', 'system', screen, false);
  END IF;
  INSERT INTO report_events (report_id, kind, actor, new_value, is_public)
  VALUES (new_id, 'routed', 'system', routed.explanation, false);

  RETURN QUERY SELECT NULL::text, new_id, new_code, new_status, duplicates;
END $$;
