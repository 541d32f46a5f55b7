import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { describeNeeding, postgres } from '../test/requirements.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());

/** `npm run layers:import -- ARGS` against this test's database, as an operator would run it. */
function importScript(...args: string[]) {
  return run(path.join(root, 'node_modules/.bin/tsx'), ['scripts/layers-import.ts', ...args], {
    cwd: root, env: { ...process.env, DATABASE_URL: t.url },
  }).then(({ stdout }) => ({ code: 0, stdout, stderr: '' }), (e) => ({ code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string }));
}

describeNeeding([[postgres, 'the script opens DATABASE_URL in a process of its own; the embedded test database lives in this one']],
  'npm run layers:import', () => {
  it('imports a GeoJSON file as a named layer', async () => {
    const result = await importScript('data/layers/sample-pasar.geojson', '--name', 'pasar-dari-skrip', '--title', 'Pasar');
    expect(result).toMatchObject({ code: 0, stdout: expect.stringContaining('imported layer pasar-dari-skrip: 2 features') });
    const rows = await t.db.query(sql`
      SELECT l.title, l.imported_by, f.feature_key FROM layers l JOIN layer_features f ON f.layer_id = l.id
      WHERE l.name = 'pasar-dari-skrip' ORDER BY f.feature_key`);
    expect(rows).toEqual([
      { title: 'Pasar', imported_by: 'script:layers-import', feature_key: 'pasar-anyar' },
      { title: 'Pasar', imported_by: 'script:layers-import', feature_key: 'pasar-lama' },
    ]);
    const again = await importScript('data/layers/sample-pasar.geojson', '--name', 'pasar-dari-skrip');
    expect(again).toMatchObject({ code: 1, stderr: expect.stringContaining('LAYER_EXISTS') });
    expect(await importScript('data/layers/sample-pasar.geojson', '--name', 'pasar-dari-skrip', '--replace'))
      .toMatchObject({ code: 0, stdout: expect.stringContaining('replaced layer') });
  });

  it('refuses an invalid file with its error code and exit status 1', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'layers-')), 'utm.geojson');
    fs.writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: [
      { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [680000, 9316000] } }] }));
    expect(await importScript(file, '--name', 'utm-uji')).toMatchObject({ code: 1, stderr: expect.stringContaining('NOT_LONLAT') });
    expect(await importScript(file)).toMatchObject({ code: 2, stderr: expect.stringContaining('usage') });
  });
});
