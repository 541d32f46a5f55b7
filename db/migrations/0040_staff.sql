-- Staff accounts and their sessions. Roles:
--   admin               everything
--   moderator           moderation queue, all reports
--   department_officer  reports of their department
--   kelurahan_officer   reports of their kelurahan
--   planner             analytics only, never personal data
CREATE TABLE staff (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email           text NOT NULL,
  name            text NOT NULL,
  password_hash   text NOT NULL,               -- argon2id, PHC string
  role            text NOT NULL CHECK (role IN ('admin', 'moderator', 'department_officer', 'kelurahan_officer', 'planner')),
  department_code text REFERENCES departments (code),
  kelurahan_code  text REFERENCES kelurahan (code),
  is_active       boolean NOT NULL DEFAULT true,
  failed_logins   integer NOT NULL DEFAULT 0,
  locked_until    timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  -- An officer's scope is part of the account, so it can never be missing or mixed up.
  CHECK ((role = 'department_officer') = (department_code IS NOT NULL)),
  CHECK ((role = 'kelurahan_officer') = (kelurahan_code IS NOT NULL))
);
CREATE UNIQUE INDEX staff_email_idx ON staff (lower(email));

-- Sessions live in the database, not in process memory, so any server instance can serve any
-- request. Only a hash of the cookie's token is stored.
CREATE TABLE staff_sessions (
  token_hash text PRIMARY KEY,
  staff_id   bigint NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX staff_sessions_staff_idx ON staff_sessions (staff_id);
