-- Which department receives a report: the first matching routing rule, else the category's
-- default department of the city. A rule may also (or instead) name a kelurahan whose desk
-- handles the report (handling_kelurahan_code, kept in reports.handling_kelurahan_code through
-- the explanation); a rule naming only a kelurahan leaves the department to the category default. One definition, used for new reports, staff corrections, the
-- preview and the set-based re-route of open reports (server/src/routing-rules/).
--
-- The point's kelurahan and kecamatan come in already decided by route_kelurahan
-- (route_kelurahan.sql), so an area rule judges a point in a boundary sliver or gap by the
-- kelurahan the report is filed under.
--
-- Rules are tried highest priority first; of two rules with the same priority the older one
-- (lower id) comes first, so adding a rule never silently takes over from an existing one.
-- Every applicable rule is evaluated and listed in the explanation, matched or not.
--
-- Distances are geodesic metres on the spheroid (geography); ST_DWithin(geography) uses the GiST
-- index on layer_features.geog. Containment uses ST_Intersects on the lon/lat geometry and its
-- index: a point on a polygon's edge counts as inside.
CREATE OR REPLACE FUNCTION route_department(
  at_point      geometry,
  for_category  text,
  in_city       text,
  in_kecamatan  text,
  in_kelurahan  text
)
RETURNS TABLE (department_code text, responsible_unit text, handling_kelurahan_code text, explanation jsonb)
LANGUAGE sql STABLE AS $$
  WITH rules AS (
    SELECT r.*, l.name AS layer_name, tk.name AS target_kelurahan_name
    FROM routing_rules r
    LEFT JOIN layers l ON l.id = r.layer_id
    LEFT JOIN kelurahan tk ON tk.code = r.target_kelurahan_code
    WHERE r.is_active
      AND (r.category_codes IS NULL OR for_category = ANY (r.category_codes))
      AND (r.city_code IS NULL OR r.city_code = in_city)
  ),
  tested AS (
    SELECT r.id,
           COALESCE(CASE r.condition WHEN 'in_kelurahan' THEN in_kelurahan ELSE in_kecamatan END
                    = ANY (r.area_codes), false) AS matched,
           NULL::text AS feature_key, NULL::text AS feature_name, NULL::double precision AS distance_m
    FROM rules r
    WHERE r.condition IN ('in_kelurahan', 'in_kecamatan')

    UNION ALL
    -- Inside a polygon of the layer. Where polygons nest, the smallest is the most specific.
    SELECT r.id, f.feature_key IS NOT NULL, f.feature_key, f.name,
           CASE WHEN f.feature_key IS NOT NULL THEN 0 END
    FROM rules r
    LEFT JOIN LATERAL (
      SELECT lf.feature_key, lf.name
      FROM layer_features lf
      WHERE lf.layer_id = r.layer_id
        AND ST_Intersects(lf.geom, at_point)
        AND ST_Dimension(lf.geom) = 2
      ORDER BY ST_Area(lf.geog), lf.feature_key
      LIMIT 1
    ) f ON true
    WHERE r.condition = 'in_layer'

    UNION ALL
    -- Within distance_m of a feature of the layer: the nearest feature decides. The search also
    -- looks 1 km further, only so that an unmatched rule can tell staff how far the nearest
    -- feature was ("river 112 m away, rule needs 100 m"); farther than that says nothing useful.
    SELECT r.id, COALESCE(f.within, false), f.feature_key, f.name, f.distance_m
    FROM rules r
    LEFT JOIN LATERAL (
      SELECT lf.feature_key, lf.name,
             ST_Distance(lf.geog, at_point::geography) AS distance_m,
             ST_DWithin(lf.geog, at_point::geography, r.distance_m) AS within
      FROM layer_features lf
      WHERE lf.layer_id = r.layer_id
        AND ST_DWithin(lf.geog, at_point::geography, r.distance_m + 1000)
      ORDER BY distance_m, lf.feature_key
      LIMIT 1
    ) f ON true
    WHERE r.condition = 'near_layer'
  ),
  judged AS (
    SELECT r.id, r.name, r.priority, r.condition, r.area_codes, r.layer_name,
           r.distance_m AS within_m, r.department_code, r.responsible_unit,
           r.target_kelurahan_code, r.target_kelurahan_name,
           t.matched, t.distance_m,
           CASE WHEN t.feature_key IS NOT NULL THEN jsonb_build_object(
             'layer', r.layer_name, 'id', t.feature_key, 'name', t.feature_name,
             'distance_m', round(t.distance_m::numeric, 1)) END AS feature,
           row_number() OVER (ORDER BY r.priority DESC, r.id) AS position
    FROM rules r
    JOIN tested t ON t.id = r.id
  ),
  winner AS (
    SELECT * FROM judged WHERE matched ORDER BY position LIMIT 1
  ),
  category_default AS (
    SELECT d.code
    FROM categories c
    JOIN departments d ON d.kind = c.department_kind AND d.city_code = in_city AND d.level = 'city'
    WHERE c.code = for_category
  ),
  -- NULL when no rule applies, so that a plain category default is explained exactly as before
  -- rules existed ({code, rule, category}), like the reports routed then and the demo seed's.
  considered AS (
    SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
             'rule_id', j.id, 'name', j.name, 'priority', j.priority, 'condition', j.condition,
             'area_codes', to_jsonb(j.area_codes), 'layer', j.layer_name, 'within_m', j.within_m,
             'matched', j.matched, 'distance_m', round(j.distance_m::numeric, 1),
             'feature', j.feature, 'department', j.department_code, 'kelurahan_desk', j.target_kelurahan_code))
           ORDER BY j.position) AS rules
    FROM judged j
  )
  SELECT COALESCE(w.department_code, d.code),
         w.responsible_unit,
         w.target_kelurahan_code,
         jsonb_strip_nulls(jsonb_build_object(
           'code', COALESCE(w.department_code, d.code),
           'rule', CASE WHEN w.id IS NULL THEN 'category_default' ELSE 'routing_rule' END,
           'category', for_category,
           'matched_rule', CASE WHEN w.id IS NOT NULL THEN jsonb_strip_nulls(jsonb_build_object(
             'id', w.id, 'name', w.name, 'priority', w.priority, 'condition', w.condition,
             'area_codes', to_jsonb(w.area_codes), 'layer', w.layer_name, 'within_m', w.within_m)) END,
           'feature', w.feature,
           'responsible_unit', w.responsible_unit,
           -- Named here so that the desk reading the explanation later sees the name it had then.
           'handling_kelurahan', CASE WHEN w.target_kelurahan_code IS NOT NULL THEN jsonb_build_object(
             'code', w.target_kelurahan_code, 'name', w.target_kelurahan_name) END,
           'considered', c.rules))
  FROM considered c
  LEFT JOIN winner w ON true
  LEFT JOIN category_default d ON true
  WHERE COALESCE(w.department_code, d.code) IS NOT NULL
$$;
