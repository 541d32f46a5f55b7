-- Failed sign-ins, counted per client address and per (address, e-mail) pair instead of per
-- account: a run of wrong passwords slows down only the guesses made from that address, so
-- nobody can lock an account's owner out by failing on purpose from elsewhere. Keyed on the
-- e-mail as typed, so an unknown e-mail is counted and refused exactly like a known one.
-- Written outside each sign-in's transaction (server/src/staff/throttle.ts): the refusal rolls
-- that transaction back, the count stays.
CREATE TABLE login_throttle (
  key             text PRIMARY KEY,        -- 'address|<ip>' or 'pair|<ip>|<lower(email)>'
  failures        integer NOT NULL,
  last_failure_at timestamptz NOT NULL,
  blocked_until   timestamptz              -- no attempt is checked before this
);

-- Sweeping counters nobody has failed on for a while.
CREATE INDEX login_throttle_last_failure_at ON login_throttle (last_failure_at);

-- The account-wide lock-out these columns kept let anyone lock out any account.
ALTER TABLE staff DROP COLUMN failed_logins, DROP COLUMN locked_until;
