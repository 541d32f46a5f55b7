import { sql, type Queryable } from '../db/database.ts';
import { appError } from '../http/error-catalogue.ts';
import { readFeatureCollection, type LayerFeature } from './geojson.ts';

export interface LayerImport {
  name: string;
  title?: string;
  /** The uploaded FeatureCollection, not yet checked. */
  collection: unknown;
  /** Replace the features of an existing layer of this name (rules keep pointing at it). */
  replace?: boolean;
  /** Repair invalid geometry with ST_MakeValid (default) instead of refusing it. */
  repair?: boolean;
  isSample?: boolean;
  actor: string;
}

export interface ImportedLayer {
  name: string;
  title: string | null;
  feature_count: number;
  replaced: boolean;
  /** Features whose geometry was invalid and was repaired, with PostGIS's reason. */
  repaired: { id: string; reason: string }[];
}

export const layerNamePattern = '^[a-z0-9][a-z0-9-]{1,62}$';

/** Features may reach this far beyond the city outlines: a road or river drawn past the boundary. */
const serviceAreaMarginM = 5000;

// The geometry as stored: 2D, and where invalid, repaired by ST_MakeValid keeping only parts of
// the input's own dimension (a self-intersecting polygon stays polygons; a line of one repeated
// point becomes empty and is refused). `f` is one element of the features array.
const parsed = sql`ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(f -> 'geometry'), 4326))`;
const stored = sql`
  CASE WHEN ST_IsValid(${parsed}) THEN ${parsed}
       ELSE ST_CollectionExtract(ST_MakeValid(${parsed}), ST_Dimension(${parsed}) + 1) END`;

interface Inspection {
  n: number;
  key: string;
  valid: boolean;
  reason: string;
  repairable: boolean;
  near_service_area: boolean;
}

/** Validity and position of each feature, asked of PostGIS in one pass. */
async function inspect(db: Queryable, features: string): Promise<Inspection[]> {
  return db.query<Inspection>(sql`
    WITH input AS (
      SELECT (f ->> 'n')::int AS n, f ->> 'key' AS key, ${parsed} AS geom, ${stored} AS repaired
      FROM jsonb_array_elements(${features}::jsonb) AS f
    )
    SELECT n, key,
           ST_IsValid(geom) AS valid,
           ST_IsValidReason(geom) AS reason,
           NOT ST_IsEmpty(repaired) AS repairable,
           -- Position is asked of the repaired geometry: GEOS may throw on an invalid one.
           -- Inside an outline, or within the margin in geodesic metres; the && box (0.1° ≈ 11 km)
           -- spares the geodesic test for features nowhere near.
           EXISTS (SELECT 1 FROM cities c
                   WHERE c.geom && ST_Expand(repaired, 0.1)
                     AND (ST_Intersects(c.geom, repaired)
                          OR ST_DWithin(c.geom::geography, repaired::geography, ${serviceAreaMarginM}))) AS near_service_area
    FROM input
    ORDER BY n`);
}

function refuseProblems(rows: Inspection[], repair: boolean) {
  const broken = rows.filter((r) => !r.valid && (!repair || !r.repairable));
  if (broken.length) {
    throw appError('INVALID_GEOMETRY', {
      count: broken.length, afterRepair: repair, first: { feature: broken[0].n, reason: broken[0].reason },
      details: { features: broken.slice(0, 20).map((r) => ({ feature: r.n, id: r.key, reason: r.reason })) },
    });
  }
  const outside = rows.filter((r) => !r.near_service_area);
  if (outside.length) {
    throw appError('FEATURES_OUTSIDE_SERVICE_AREA', {
      count: outside.length, marginKm: serviceAreaMarginM / 1000,
      details: { features: outside.slice(0, 20).map((r) => ({ feature: r.n, id: r.key })) },
    });
  }
}

/**
 * Checks and stores a GeoJSON layer: shape (geojson.ts), then validity and position (PostGIS),
 * then the layer and all its features in one transaction. Used by POST /api/layers, the
 * layers:import script and the sample seed, each in its own transaction.
 */
export async function importLayer(tx: Queryable, l: LayerImport): Promise<ImportedLayer> {
  if (!new RegExp(layerNamePattern).test(l.name)) {
    throw appError('INVALID_LAYER_NAME');
  }
  const features: LayerFeature[] = readFeatureCollection(l.collection);
  const json = JSON.stringify(features);
  const inspection = await inspect(tx, json);
  refuseProblems(inspection, l.repair ?? true);

  const [existing] = await tx.query<{ id: number }>(sql`SELECT id FROM layers WHERE name = ${l.name} FOR UPDATE`);
  if (existing && !l.replace) throw appError('LAYER_EXISTS', { name: l.name });
  const [layer] = existing
    ? await tx.query<{ id: number; title: string | null }>(sql`
        UPDATE layers SET title = COALESCE(${l.title ?? null}, title), imported_by = ${l.actor}, imported_at = now()
        WHERE id = ${existing.id}
        RETURNING id, title`)
    : await tx.query<{ id: number; title: string | null }>(sql`
        INSERT INTO layers (name, title, is_sample, imported_by)
        VALUES (${l.name}, ${l.title ?? null}, ${l.isSample ?? false}, ${l.actor})
        RETURNING id, title`);
  if (existing) await tx.query(sql`DELETE FROM layer_features WHERE layer_id = ${layer.id}`);
  await tx.query(sql`
    INSERT INTO layer_features (layer_id, feature_key, name, properties, geom)
    SELECT ${layer.id}, f ->> 'key', f ->> 'name', f -> 'properties', ${stored}
    FROM jsonb_array_elements(${json}::jsonb) AS f
    ORDER BY (f ->> 'n')::int`);
  return {
    name: l.name,
    title: layer.title,
    feature_count: features.length,
    replaced: Boolean(existing),
    repaired: inspection.filter((r) => !r.valid).map((r) => ({ id: r.key, reason: r.reason })),
  };
}
