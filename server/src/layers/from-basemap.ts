import path from 'node:path';
import { sql, type Queryable } from '../db/database.ts';
import { appError } from '../http/error-catalogue.ts';
import { sampleExtractFile } from '../basemap/sample.ts';
import { layerLimits } from './geojson.ts';

// A routing layer copied from the installed base map (server/src/basemap/): "within 30 m of a
// major road", "inside a lake" without drawing and uploading GeoJSON. The copy is a snapshot: a
// later base-map import changes the map residents see, not the rules already written against it.

/** The base-map layers a rule can test against; places are label points, not things to be near. */
export const copyableBasemapLayers = ['road', 'waterway', 'water', 'poi'] as const;
export type CopyableBasemapLayer = (typeof copyableBasemapLayers)[number];

export interface BasemapKind { layer: CopyableBasemapLayer; kind: string; feature_count: number }

export interface BasemapOffer {
  installed: boolean;
  source_file: string | null;
  imported_at: string | null;
  kinds: BasemapKind[];
}

interface InstalledBasemap { id: number; source_file: string; imported_at: string }

async function installedBasemap(db: Queryable): Promise<InstalledBasemap | undefined> {
  const [row] = await db.query<InstalledBasemap>(sql`
    SELECT id, source_file, to_char(imported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS imported_at
    FROM basemap_imports ORDER BY id DESC LIMIT 1`);
  return row;
}

/** What the installed base map holds that a layer can be made of, with how many of each. */
export async function basemapOffer(db: Queryable): Promise<BasemapOffer> {
  const installed = await installedBasemap(db);
  const copyable: string[] = [...copyableBasemapLayers];
  const kinds = installed ? await db.query<BasemapKind>(sql`
    SELECT layer, kind, count(*)::int AS feature_count
    FROM basemap_features
    WHERE layer = ANY (${copyable}::text[])
    GROUP BY layer, kind
    ORDER BY array_position(${copyable}::text[], layer), kind`) : [];
  return { installed: Boolean(installed), source_file: installed?.source_file ?? null, imported_at: installed?.imported_at ?? null, kinds };
}

export interface BasemapLayerCopy {
  name: string;
  title?: string;
  layer: CopyableBasemapLayer;
  kind: string;
  /** Only features whose name contains this, ignoring case ("Daan Mogot"). */
  nameContains?: string;
  actor: string;
}

export interface CopiedLayer { name: string; title: string | null; feature_count: number; is_sample: boolean }

// The base map is Web Mercator (its tiles are drawn in it); layers are lon/lat with a geography
// twin for metres. A way that osmium assembled badly is repaired keeping its own dimension, and
// one that repairs to nothing is left out rather than failing the copy (layer_features refuses
// invalid and empty geometry).
const lonLat = sql`ST_Transform(b.geom, 4326)`;
const repaired = sql`
  CASE WHEN ST_IsValid(${lonLat}) THEN ${lonLat}
       ELSE ST_CollectionExtract(ST_MakeValid(${lonLat}), ST_Dimension(${lonLat}) + 1) END`;

/**
 * Copies the base-map features of one layer and kind (optionally only those whose name contains
 * a text) into a new routing layer, in the caller's transaction. The layer records who made it
 * and when, as an upload does; each feature keeps its OSM id as its key and its name.
 */
export async function copyBasemapLayer(tx: Queryable, c: BasemapLayerCopy): Promise<CopiedLayer> {
  const installed = await installedBasemap(tx);
  if (!installed) throw appError('BASEMAP_NOT_INSTALLED');
  const nameFilter = c.nameContains?.trim() || null;
  // ILIKE's wildcards typed by an admin are matched as themselves.
  const pattern = nameFilter ? `%${nameFilter.replace(/[\\%_]/g, (m) => `\\${m}`)}%` : null;
  const matching = sql`
    FROM basemap_features b
    WHERE b.layer = ${c.layer} AND b.kind = ${c.kind}
      AND (${pattern}::text IS NULL OR b.name ILIKE ${pattern})`;

  const [size] = await tx.query<{ features: number; vertices: number }>(sql`
    SELECT count(*)::int AS features, coalesce(sum(ST_NPoints(b.geom)), 0)::int AS vertices ${matching}`);
  if (size.features === 0) {
    throw appError('BASEMAP_NOTHING_MATCHED', { layer: c.layer, kind: c.kind, nameContains: nameFilter });
  }
  // The same bounds as an upload: every rule's distance test runs for every report.
  if (size.features > layerLimits.maxFeatures) {
    throw appError('TOO_MANY_FEATURES', { max: layerLimits.maxFeatures, details: { features: size.features } });
  }
  if (size.vertices > layerLimits.maxPositions) {
    throw appError('TOO_MANY_VERTICES', { max: layerLimits.maxPositions, details: { vertices: size.vertices } });
  }

  const [existing] = await tx.query(sql`SELECT 1 FROM layers WHERE name = ${c.name}`);
  if (existing) throw appError('LAYER_EXISTS', { name: c.name });
  // The shipped sample extract is hand-drawn, so a layer made from it is marked as a sample too.
  const isSample = installed.source_file === path.basename(sampleExtractFile);
  const [layer] = await tx.query<{ id: number; title: string | null }>(sql`
    INSERT INTO layers (name, title, is_sample, imported_by)
    VALUES (${c.name}, ${c.title?.trim() || null}, ${isSample}, ${c.actor})
    RETURNING id, title`);
  const inserted = await tx.query<{ id: number }>(sql`
    INSERT INTO layer_features (layer_id, feature_key, name, properties, geom)
    SELECT ${layer.id}, osm_id, name, properties, geom
    FROM (
      SELECT DISTINCT ON (b.osm_id) b.osm_id, b.name,
             jsonb_strip_nulls(jsonb_build_object('name', b.name, 'osm_id', b.osm_id, 'basemap_layer', b.layer,
               'kind', b.kind, 'basemap_import', ${installed.id}::int)) AS properties,
             ${repaired} AS geom
      ${matching}
      ORDER BY b.osm_id, b.id
    ) AS copied
    WHERE NOT ST_IsEmpty(geom)
    RETURNING id`);
  if (inserted.length === 0) {
    throw appError('BASEMAP_NOTHING_MATCHED', { layer: c.layer, kind: c.kind, nameContains: nameFilter });
  }
  return { name: c.name, title: layer.title, feature_count: inserted.length, is_sample: isSample };
}
