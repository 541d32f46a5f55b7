-- The burst screening of a new report (server/src/moderation/decide.ts screens its text first):
-- `screen` ({flags, evidence}) with 'many_from_source' and 'many_from_address' added when its
-- device or its network address already sent `source_limit` / `address_limit` reports in the
-- last 10 minutes. A null limit or hash screens nothing. The limits are bigint: a staff desk files
-- with no burst limit, Number.MAX_SAFE_INTEGER (server/src/console/intake.ts).
--
-- Many reports from one device within 10 minutes is a burst no resident needs (the limit is
-- SOURCE_BURST_LIMIT, 5 by default; an office filing walk-in reports needs more). One network
-- address has a limit of its own, ADDRESS_BURST_LIMIT (60), far higher: a carrier's NAT puts
-- thousands of phones behind one address, and a flood or a blackout makes many of them report
-- at once. Either holds the report for a moderator; neither refuses it.
--
-- plpgsql and VOLATILE: the counts must be read after the lock is granted, with a snapshot
-- taken then, to see the reports of the transaction that held it.
CREATE OR REPLACE FUNCTION screen_bursts(
  screen        jsonb,
  source_hash   text,
  address_hash  text,
  source_limit  bigint,
  address_limit bigint
) RETURNS jsonb LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  burst_minutes constant integer := 10;
  from_source   integer;
  from_address  integer;
BEGIN
  -- Reports from one device wait here for each other until commit, so that a device sending
  -- many at once cannot slip them all past the count (a hash collision only serialises two).
  -- The address is not locked: it would queue a whole carrier's residents behind one another.
  PERFORM pg_advisory_xact_lock(hashtextextended('burst:' || screen_bursts.source_hash, 0));
  -- Each count reads its own index (reports_source_recent_idx, reports_address_recent_idx).
  SELECT (SELECT count(*)::int FROM reports r
          WHERE r.source_hash = screen_bursts.source_hash AND r.created_at > now() - make_interval(mins => burst_minutes)),
         (SELECT count(*)::int FROM reports r
          WHERE r.address_hash = screen_bursts.address_hash AND r.created_at > now() - make_interval(mins => burst_minutes))
  INTO from_source, from_address;

  IF from_source >= source_limit THEN
    screen := jsonb_set(jsonb_set(screen, '{flags}', (screen -> 'flags') || '"many_from_source"'),
                        '{evidence,many_from_source}', jsonb_build_array(format('%s reports in %s minutes', from_source + 1, burst_minutes)));
  END IF;
  IF screen_bursts.address_hash IS NOT NULL AND from_address >= address_limit THEN
    screen := jsonb_set(jsonb_set(screen, '{flags}', (screen -> 'flags') || '"many_from_address"'),
                        '{evidence,many_from_address}', jsonb_build_array(format('%s reports in %s minutes', from_address + 1, burst_minutes)));
  END IF;
  RETURN screen;
END $$;
