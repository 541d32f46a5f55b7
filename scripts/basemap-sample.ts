// npm run basemap:sample: rewrites data/basemap/sample-tangerang.osm from
// server/src/basemap/sample-extract.ts (the file is shipped; this is how it was made).
import fs from 'node:fs';
import { sampleExtractFile } from '../server/src/basemap/sample.ts';
import { sampleExtractXml } from '../server/src/basemap/sample-extract.ts';

fs.writeFileSync(sampleExtractFile, sampleExtractXml());
console.log(`wrote ${sampleExtractFile}`);
