-- Who receives a report at a point: its kelurahan (with kecamatan, city and the city's tracking
-- code prefix) by route_kelurahan's boundary rule, and its department by route_department's
-- routing rules, else the category's default department (and the kelurahan desk that handles it
-- when a rule names one). `explanation` is exactly what
-- reports.routing_explanation stores. One definition, used for new reports (submit_report.sql),
-- staff corrections and the preview (server/src/routing-rules/route-report.ts).
--
-- No row: the point is outside the service area. A row without a department: no rule matched
-- and no department of the city handles the category (a configuration gap, not a user's error;
-- the caller says so).
--
-- plpgsql, not sql: a sql body is parsed when created, and would need route_kelurahan and
-- route_department to exist first (server/src/db/functions.ts loadFirst).
CREATE OR REPLACE FUNCTION route_report(at_point geometry, for_category text)
RETURNS TABLE (
  city_code               text,
  city_prefix             text,
  kecamatan_code          text,
  kelurahan_code          text,
  department_code         text,
  responsible_unit        text,
  handling_kelurahan_code text,
  explanation             jsonb
) LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN QUERY
    SELECT k.city_code, c.code_prefix, k.kecamatan_code, k.kelurahan_code,
           d.department_code, d.responsible_unit, d.handling_kelurahan_code,
           jsonb_build_object(
             'kelurahan', jsonb_build_object(
               'code', k.kelurahan_code, 'rule', k.rule, 'distance_m', k.distance_m, 'candidates', k.candidates),
             'department', d.explanation)
    FROM route_kelurahan(at_point) AS k
    JOIN cities c ON c.code = k.city_code
    LEFT JOIN LATERAL route_department(at_point, for_category, k.city_code, k.kecamatan_code, k.kelurahan_code) AS d ON true;
END $$;
