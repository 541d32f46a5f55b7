import { sql, type Queryable } from '../db/database.ts';
import { appError } from '../http/error-catalogue.ts';
import type { LayerCollection, LayerSummary } from './schemas.ts';

export function listLayers(db: Queryable): Promise<LayerSummary[]> {
  return db.query<LayerSummary>(sql`
    SELECT l.name, l.title, l.is_sample,
           (SELECT count(*)::int FROM layer_features f WHERE f.layer_id = l.id) AS feature_count,
           ARRAY(SELECT DISTINCT ST_GeometryType(f.geom) FROM layer_features f WHERE f.layer_id = l.id ORDER BY 1)
             AS geometry_types,
           l.imported_by,
           to_char(l.imported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS imported_at,
           ARRAY(SELECT r.id::int FROM routing_rules r WHERE r.layer_id = l.id ORDER BY r.id) AS rule_ids
    FROM layers l
    ORDER BY l.name`);
}

/** The layer as a GeoJSON FeatureCollection, assembled in PostgreSQL. */
export async function layerAsGeoJson(db: Queryable, name: string): Promise<LayerCollection> {
  const [row] = await db.query<{ collection: LayerCollection }>(sql`
    SELECT json_build_object(
      'type', 'FeatureCollection',
      'name', l.name,
      'title', l.title,
      'is_sample', l.is_sample,
      'features', COALESCE((
        SELECT json_agg(json_build_object(
                 'type', 'Feature',
                 'id', f.feature_key,
                 'properties', f.properties,
                 -- 7 decimals ≈ 1 cm: more than any layer here is worth.
                 'geometry', ST_AsGeoJSON(f.geom, 7)::json) ORDER BY f.id)
        FROM layer_features f WHERE f.layer_id = l.id), '[]'::json)
    ) AS collection
    FROM layers l
    WHERE l.name = ${name}`);
  if (!row) throw appError('LAYER_NOT_FOUND', { name });
  return row.collection;
}

/** Deletes a layer no rule uses; a rule's history names its layer, the rule must go first. */
export async function deleteLayer(db: Queryable, name: string): Promise<void> {
  const [row] = await db.query<{ id: number; rule_ids: number[] }>(sql`
    SELECT l.id, ARRAY(SELECT r.id::int FROM routing_rules r WHERE r.layer_id = l.id ORDER BY r.id) AS rule_ids
    FROM layers l WHERE l.name = ${name}`);
  if (!row) throw appError('LAYER_NOT_FOUND', { name });
  if (row.rule_ids.length) {
    throw appError('LAYER_IN_USE', { name, ruleIds: row.rule_ids, details: { rule_ids: row.rule_ids } });
  }
  await db.query(sql`DELETE FROM layers WHERE id = ${row.id}`);
}
