// npm run basemap:sample: rewrites data/basemap/sample-tangerang.osm from
// server/src/basemap/sample-extract.ts (the file is shipped; this is how it was made).
import fs from 'node:fs';
import { sampleExtractXml } from '../server/src/basemap/sample-extract.ts';

export const sampleExtractPath = new URL('../data/basemap/sample-tangerang.osm', import.meta.url);
fs.writeFileSync(sampleExtractPath, sampleExtractXml());
console.log(`wrote ${sampleExtractPath.pathname}`);
