import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { promisify } from 'node:util';
import type { Feature } from 'geojson';
import { osmiumTagFilters } from './classify.ts';

// osmium-tool (Debian package osmium-tool) reads .osm, .osm.pbf and .osm.bz2 extracts alike and
// streams, so an extract of the whole of Java passes through in a fixed amount of memory: first
// cut to the cities' box, then keep only the tags the base map draws, then export as GeoJSON
// text sequences (one feature a line) with closed ways and multipolygons assembled as areas.

const run = promisify(execFile);

export type Bbox = [west: number, south: number, east: number, north: number];

/** Runs osmium, turning "not installed" and its own complaints into messages for an operator. */
async function osmium(args: string[]): Promise<void> {
  try {
    await run('osmium', args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') throw new Error('osmium is not installed (apt-get install -y osmium-tool)');
    throw new Error(`osmium ${args[0]} failed: ${(e.stderr ?? e.message).trim()}`);
  }
}

/**
 * Every object of `file` inside `bbox` that the base map may draw, as a GeoJSON feature whose
 * properties are its OSM tags plus `@type` and `@id`.
 */
export async function* osmFeatures(file: string, bbox: Bbox): AsyncGenerator<Feature> {
  if (!fs.existsSync(file)) throw new Error(`no such file: ${file}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'petawarga-basemap-'));
  try {
    const clipped = path.join(dir, 'clipped.osm.pbf');
    const filtered = path.join(dir, 'filtered.osm.pbf');
    // complete_ways: a road that leaves the box keeps all its nodes, so it is not cut short.
    await osmium(['extract', '--bbox', bbox.join(','), '--strategy', 'complete_ways', '--overwrite', '-o', clipped, file]);
    await osmium(['tags-filter', '--overwrite', '-o', filtered, clipped, ...osmiumTagFilters]);
    const exporter = spawn('osmium', ['export', filtered, '-f', 'geojsonseq', '-x', 'print_record_separator=false',
      '--attributes', 'type,id', '-o', '-'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    exporter.stderr.on('data', (chunk) => { stderr += chunk; });
    const exited = new Promise<number>((resolve, reject) => {
      exporter.on('error', reject);
      exporter.on('close', (code) => resolve(code ?? 1));
    });
    for await (const line of readline.createInterface({ input: exporter.stdout })) {
      if (line.trim()) yield JSON.parse(line) as Feature;
    }
    const code = await exited;
    if (code !== 0) throw new Error(`osmium export failed: ${stderr.trim()}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
