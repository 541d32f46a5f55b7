import fs from 'node:fs';
import path from 'node:path';
import { sql, type Database } from '../db/database.ts';

export const boundariesDir = path.resolve(import.meta.dirname, '../../../data/boundaries');

// Tracking-code prefixes of the seeded cities (TGR-7K3P9Q). Another city needs one here.
const codePrefixes: Record<string, string> = { '36.71': 'TGR', '36.74': 'TSL' };

function readFeatures(file: string): { properties: Record<string, unknown>; geometry: unknown }[] {
  return JSON.parse(fs.readFileSync(path.join(boundariesDir, file), 'utf8')).features;
}

/**
 * Loads cities, kecamatan and kelurahan from data/boundaries once (a no-op when already there).
 * All three levels go in as one transaction, each feature's GeoJSON parsed by PostGIS.
 */
export async function loadBoundaries(db: Database): Promise<{ loaded: boolean }> {
  const [{ count }] = await db.query<{ count: number }>(sql`SELECT count(*)::int AS count FROM kelurahan`);
  if (count > 0) return { loaded: false };

  const cities = readFeatures('kota.geojson');
  const kecamatan = readFeatures('kecamatan.geojson');
  const kelurahan = readFeatures('kelurahan.geojson');

  await db.transaction(async (tx) => {
    for (const { properties: p, geometry } of cities) {
      const prefix = codePrefixes[String(p.code)];
      if (!prefix) throw new Error(`No tracking-code prefix configured for city ${p.code}`);
      await tx.query(sql`
        INSERT INTO cities (code, name, code_prefix, area_km2, geom)
        VALUES (${p.code}, ${p.name}, ${prefix}, ${p.area_km2},
                ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(geometry)}), 4326)))`);
    }
    for (const { properties: p, geometry } of kecamatan) {
      await tx.query(sql`
        INSERT INTO kecamatan (code, city_code, name, area_km2, geom)
        VALUES (${p.code}, ${p.city_code}, ${p.name}, ${p.area_km2},
                ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(geometry)}), 4326)))`);
    }
    for (const { properties: p, geometry } of kelurahan) {
      await tx.query(sql`
        INSERT INTO kelurahan (code, kecamatan_code, city_code, name, area_km2, geom, label_point)
        SELECT ${p.code}, ${p.kecamatan_code}, ${p.city_code}, ${p.name}, ${p.area_km2}, g, ST_PointOnSurface(g)
        FROM (SELECT ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(geometry)}), 4326)) AS g) AS parsed`);
    }
  });
  return { loaded: true };
}
