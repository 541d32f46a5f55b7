import fs from 'node:fs';
import path from 'node:path';
import { sql, type Database } from '../db/database.ts';
import { importLayer } from '../layers/import.ts';
import { createRule } from './rules.ts';
import type { NewRule } from './schemas.ts';
import { units } from './units.ts';

export const sampleLayersDir = path.resolve(import.meta.dirname, '../../../data/layers');

const sampleLayers = [
  { name: 'sample-jalan-nasional', title: 'Jalan nasional (CONTOH, perkiraan tangan — bukan data resmi)' },
  { name: 'sample-sungai-cisadane', title: 'Sungai Cisadane (CONTOH, perkiraan tangan — bukan data resmi)' },
  { name: 'sample-pasar', title: 'Pasar Kota Tangerang (CONTOH, perkiraan tangan — bukan data resmi)' },
];

const sampleRules: NewRule[] = [
  {
    name: 'Contoh: jalan & trotoar rusak di jalan nasional → BPJN Banten',
    priority: 100, categories: ['jalan_rusak', 'trotoar'],
    condition: { kind: 'near_layer', layer: 'sample-jalan-nasional', distance_m: 30 },
    department: 'bpjn-banten',
  },
  {
    name: 'Contoh: banjir di sempadan Sungai Cisadane → BBWS Ciliwung Cisadane',
    priority: 90, categories: ['banjir'],
    condition: { kind: 'near_layer', layer: 'sample-sungai-cisadane', distance_m: 50 },
    department: 'bbws-cilicis',
  },
  {
    name: 'Contoh: sampah, parkir, PKL dan fasilitas rusak di dalam pasar → Perumda Pasar',
    priority: 80, categories: ['sampah', 'parkir_liar', 'bangunan_liar', 'fasum_rusak'], city: '36.71',
    condition: { kind: 'in_layer', layer: 'sample-pasar' },
    department: 'tgr-perumda-pasar', responsible_unit: 'Kantor pengelola pasar',
  },
];

/**
 * At start-up: the receivers that are not city departments (always brought up to date), and on a
 * database that has never had a routing rule or layer, the sample layers of data/layers/ and
 * sample rules using them. Once anyone has touched rules or layers, samples are never re-added,
 * so a deleted sample stays deleted.
 */
export async function seedRoutingSamples(db: Database): Promise<{ samplesAdded: boolean }> {
  return db.transaction(async (tx) => {
    for (const u of units) {
      await tx.query(sql`
        INSERT INTO departments (code, city_code, kind, name, short_name, level)
        VALUES (${u.code}, ${u.cityCode}, ${u.kind}, ${u.name}, ${u.shortName}, ${u.level})
        ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, short_name = EXCLUDED.short_name`);
    }
    const [{ touched }] = await tx.query<{ touched: boolean }>(sql`
      SELECT EXISTS (SELECT 1 FROM routing_rule_events) OR EXISTS (SELECT 1 FROM layers) AS touched`);
    if (touched) return { samplesAdded: false };
    for (const layer of sampleLayers) {
      const collection = JSON.parse(fs.readFileSync(path.join(sampleLayersDir, `${layer.name}.geojson`), 'utf8'));
      await importLayer(tx, { ...layer, collection, isSample: true, actor: 'system:seed' });
    }
    for (const rule of sampleRules) await createRule(tx, rule, 'system:seed');
    return { samplesAdded: true };
  });
}
