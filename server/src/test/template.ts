import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { migrationsDir } from '../db/migrate.ts';

/**
 * Name of the prepared template database. It changes with the migrations, so an old template
 * is never reused after the schema changed.
 */
export function templateDatabaseName(): string {
  const hash = createHash('sha256');
  for (const file of fs.readdirSync(migrationsDir).sort()) {
    hash.update(file).update(fs.readFileSync(path.join(migrationsDir, file)));
  }
  return `petawarga_test_template_${hash.digest('hex').slice(0, 10)}`;
}
