-- Each city has its own departments (dinas); a category names the kind of department that
-- handles it by default, so one category list serves every city.

CREATE TABLE departments (
  code       text PRIMARY KEY,                 -- e.g. 'tgr-pupr'
  city_code  text NOT NULL REFERENCES cities (code),
  kind       text NOT NULL,                    -- e.g. 'pupr', shared across cities
  name       text NOT NULL,                    -- official Indonesian name
  short_name text NOT NULL,
  UNIQUE (city_code, kind)
);

CREATE TABLE categories (
  code            text PRIMARY KEY,            -- e.g. 'banjir'
  name_id         text NOT NULL,
  name_en         text NOT NULL,
  description_id  text NOT NULL,
  description_en  text NOT NULL,
  icon            text NOT NULL,
  color           text NOT NULL CHECK (color ~ '^#[0-9a-f]{6}$'),
  department_kind text NOT NULL,
  sort_order      integer NOT NULL
);
