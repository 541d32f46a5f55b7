import path from 'node:path';
import type { Feature } from 'geojson';
import { sql, type Queryable } from '../db/database.ts';
import { classify, type BasemapLayer } from './classify.ts';
import { osmFeatures, type Bbox } from './osmium.ts';

export interface BasemapImported {
  importId: number;
  featureCount: number;
  byLayer: Partial<Record<BasemapLayer, number>>;
}

/** Objects this far beyond the cities' box are kept: a road leaving the city still shows. */
const marginDegrees = 0.02;
const batchSize = 1000;

/** The box around both cities' outlines, grown by the margin (WGS 84). */
async function citiesBbox(tx: Queryable): Promise<Bbox> {
  const [box] = await tx.query<{ w: number; s: number; e: number; n: number }>(sql`
    SELECT ST_XMin(b) AS w, ST_YMin(b) AS s, ST_XMax(b) AS e, ST_YMax(b) AS n
    FROM (SELECT ST_Expand(ST_Extent(geom)::geometry, ${marginDegrees}) AS b FROM cities) AS extent`);
  if (box?.w === null || box?.w === undefined) throw new Error('no city outlines in the database: run npm run db:migrate first');
  return [box.w, box.s, box.e, box.n];
}

interface Row { layer: BasemapLayer; kind: string; name: string | null; osm_id: string; geometry: Feature['geometry'] }

// Markets, schools and mosques mapped as buildings, and places mapped as areas, become one point
// inside them: the base map labels them, it does not outline them. Water polygons from OSM are
// sometimes invalid (touching rings); repaired so that tile clipping cannot fail on them.
async function insertBatch(tx: Queryable, rows: Row[]) {
  await tx.query(sql`
    INSERT INTO basemap_features (layer, kind, name, name_key, osm_id, geom)
    SELECT f ->> 'layer', f ->> 'kind', f ->> 'name', search_key(f ->> 'name'), f ->> 'osm_id',
           CASE WHEN f ->> 'layer' IN ('poi', 'place') THEN ST_PointOnSurface(g)
                WHEN ST_IsValid(g) THEN g
                ELSE ST_CollectionExtract(ST_MakeValid(g), 3) END
    FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) AS f
    CROSS JOIN LATERAL (SELECT ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(f -> 'geometry'), 4326), 3857) AS g) AS projected`);
}

/**
 * Replaces the base map with the objects of an OpenStreetMap extract (.osm, .osm.pbf) that lie
 * around the cities, in the caller's transaction: until it commits the tiles show the old map.
 * Refuses an extract with nothing around the cities (the wrong region, or an empty file).
 */
export async function importBasemap(tx: Queryable, file: string): Promise<BasemapImported> {
  const bbox = await citiesBbox(tx);
  await tx.query(sql`DELETE FROM basemap_features`);
  const byLayer: BasemapImported['byLayer'] = {};
  let featureCount = 0;
  let batch: Row[] = [];
  for await (const feature of osmFeatures(file, bbox)) {
    const props = feature.properties ?? {};
    const found = classify(props, feature.geometry.type);
    if (!found) continue;
    const name = typeof props.name === 'string' && props.name.trim() ? props.name.trim() : null;
    batch.push({ ...found, name, osm_id: `${props['@type']}/${props['@id']}`, geometry: feature.geometry });
    byLayer[found.layer] = (byLayer[found.layer] ?? 0) + 1;
    featureCount++;
    if (batch.length === batchSize) {
      await insertBatch(tx, batch);
      batch = [];
    }
  }
  if (batch.length) await insertBatch(tx, batch);
  if (featureCount === 0) {
    throw new Error(`${file} has no road, waterway or place within ${bbox.map((n) => n.toFixed(3)).join(',')} (west,south,east,north): ` +
      'is it an extract that covers Kota Tangerang and Kota Tangerang Selatan?');
  }
  const [row] = await tx.query<{ id: number }>(sql`
    INSERT INTO basemap_imports (source_file, feature_count) VALUES (${path.basename(file)}, ${featureCount}) RETURNING id`);
  return { importId: row.id, featureCount, byLayer };
}
