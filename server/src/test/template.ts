import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { functionsDir } from '../db/functions.ts';
import { migrationsDir } from '../db/migrate.ts';

/**
 * Name of the prepared template database. It changes with the migrations and the function
 * files, so an old template is never reused after the schema or a function body changed.
 */
export function templateDatabaseName(): string {
  const hash = createHash('sha256');
  for (const dir of [migrationsDir, functionsDir]) {
    for (const file of fs.readdirSync(dir).sort()) {
      hash.update(path.basename(dir)).update(file).update(fs.readFileSync(path.join(dir, file)));
    }
  }
  return `petawarga_test_template_${hash.digest('hex').slice(0, 10)}`;
}
