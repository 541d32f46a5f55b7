-- A routing rule may hand a report to a kelurahan's desk (its kelurahan_officer staff) instead of,
-- or as well as, a department: a market straddling two kelurahan whose management office answers
-- to one of them, a river bank that one kelurahan keeps for its neighbours. Without a department
-- of its own the rule leaves the department to the category's default (route_department.sql).
ALTER TABLE routing_rules ADD COLUMN target_kelurahan_code text REFERENCES kelurahan (code);
ALTER TABLE routing_rules ALTER COLUMN department_code DROP NOT NULL;
ALTER TABLE routing_rules ADD CONSTRAINT routing_rules_has_target
  CHECK (department_code IS NOT NULL OR target_kelurahan_code IS NOT NULL);

-- The kelurahan whose desk handles the report when a rule named one; NULL: the desk of the
-- kelurahan it lies in. kelurahan_code stays where the report is, so public statistics and maps
-- keep counting by location. Read from the routing explanation the report stores, so every path
-- that routes a report (submission, staff correction, re-route, demo data) sets it by writing
-- that explanation, and the column and the explanation shown to staff cannot disagree.
ALTER TABLE reports ADD COLUMN handling_kelurahan_code text
  GENERATED ALWAYS AS (routing_explanation #>> '{department,handling_kelurahan,code}') STORED
  REFERENCES kelurahan (code);
-- A kelurahan desk's inbox asks for this expression (staff/scope.ts), as it asked reports_kelurahan_idx before.
CREATE INDEX reports_desk_kelurahan_idx ON reports ((COALESCE(handling_kelurahan_code, kelurahan_code)));

-- route_department returns the handling kelurahan too; a return type cannot be replaced, so the
-- function is dropped here and db/functions/route_department.sql creates it again.
DROP FUNCTION route_department(geometry, text, text, text, text);
