// npm run basemap:import -- FILE.osm.pbf
// Replaces the self-hosted base map with the roads, waterways and places of an OpenStreetMap
// extract (.osm.pbf or .osm XML) around the cities. Needs osmium-tool; works on the embedded
// database and on PostgreSQL alike (server/src/basemap/).
import { importBasemap } from '../server/src/basemap/import.ts';
import { prepareDatabase } from '../server/src/prepare-database.ts';
import { withDatabase } from './with-database.ts';

const files = process.argv.slice(2).filter((a) => a !== '--');
if (files.length !== 1) {
  console.error('usage: npm run basemap:import -- FILE.osm.pbf   (an extract covering Kota Tangerang and Kota Tangerang Selatan)');
  process.exit(2);
}
try {
  await withDatabase(async (db) => {
    await prepareDatabase(db);
    const started = Date.now();
    const imported = await db.transaction((tx) => importBasemap(tx, files[0]));
    const layers = Object.entries(imported.byLayer).map(([layer, n]) => `${layer} ${n}`).join(', ');
    console.log(`imported base map #${imported.importId}: ${imported.featureCount} features (${layers}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
} catch (error) {
  console.error(`base map import failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
