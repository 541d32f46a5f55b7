-- Reports located only roughly (an SMS naming its kelurahan is placed at the kelurahan's label
-- point) say so, until staff place them exactly.
ALTER TABLE reports ADD COLUMN location_is_approximate boolean NOT NULL DEFAULT false;
