// npm run layers:import -- FILE.geojson --name NAME [--title TITLE] [--replace] [--no-repair]
// Imports a GeoJSON FeatureCollection (WGS 84 lon/lat) as a layer for routing rules, with the
// same checks as POST /api/layers.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { importLayer } from '../server/src/layers/import.ts';
import { prepareDatabase } from '../server/src/prepare-database.ts';
import { withDatabase } from './with-database.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: 'string' }, title: { type: 'string' },
    replace: { type: 'boolean', default: false }, 'no-repair': { type: 'boolean', default: false },
  },
});
if (positionals.length !== 1 || !values.name) {
  console.error('usage: npm run layers:import -- FILE.geojson --name NAME [--title TITLE] [--replace] [--no-repair]');
  process.exit(2);
}
let collection: unknown;
try {
  collection = JSON.parse(fs.readFileSync(positionals[0], 'utf8'));
} catch (error) {
  console.error(`cannot read ${positionals[0]} as JSON: ${(error as Error).message}`);
  process.exit(1);
}
await withDatabase(async (db) => {
  await prepareDatabase(db);
  const imported = await db.transaction((tx) => importLayer(tx, {
    name: values.name!, title: values.title, collection, replace: values.replace, repair: !values['no-repair'],
    actor: 'script:layers-import',
  }));
  console.log(`${imported.replaced ? 'replaced' : 'imported'} layer ${imported.name}: ${imported.feature_count} features`
    + (imported.repaired.length ? `, ${imported.repaired.length} repaired (${imported.repaired.map((r) => `${r.id}: ${r.reason}`).join('; ')})` : ''));
});
