import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { sql } from './database.ts';
import { applyFunctions, functionFiles, functionsDir } from './functions.ts';

// db/functions holds the one current body of each SQL function: a function defined only in a
// migration, or a file whose body the database does not hold, is a reader misled.

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());

const fileText = (file: string) => fs.readFileSync(path.join(functionsDir, file), 'utf8');

// Ours: the functions in public that no extension owns (PostGIS's are members of it in pg_depend).
const ourFunctions = () => t.db.query<{ name: string; signature: string; body: string; definition: string }>(sql`
  SELECT p.proname AS name, p.oid::regprocedure::text AS signature, p.prosrc AS body,
         pg_get_functiondef(p.oid) AS definition
  FROM pg_proc p
  WHERE p.pronamespace = 'public'::regnamespace
    AND NOT EXISTS (SELECT 1 FROM pg_depend d
                    WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
  ORDER BY signature`);

const ourTriggers = () => t.db.query<{ name: string; function: string; definition: string }>(sql`
  SELECT tg.tgname AS name, p.proname AS function, pg_get_triggerdef(tg.oid) AS definition
  FROM pg_trigger tg
  JOIN pg_class c ON c.oid = tg.tgrelid
  JOIN pg_proc p ON p.oid = tg.tgfoid
  WHERE NOT tg.tgisinternal AND c.relnamespace = 'public'::regnamespace
  ORDER BY tg.tgname`);

/** The text between the dollar quotes of each CREATE OR REPLACE FUNCTION in a file, by name. */
function bodiesIn(text: string): Map<string, string[]> {
  const bodies = new Map<string, string[]>();
  const definition = /CREATE OR REPLACE FUNCTION\s+(\w+)\s*\([\s\S]*?\bAS\s+(\$\w*\$)([\s\S]*?)\2/g;
  for (const [, name, , body] of text.matchAll(definition)) {
    bodies.set(name, [...(bodies.get(name) ?? []), body]);
  }
  return bodies;
}

it('has one file per function, named after it, and no file for a function the database lacks', async () => {
  const names = [...new Set((await ourFunctions()).map((f) => f.name))].sort();
  expect(names.length).toBeGreaterThan(10);
  expect(functionFiles().map((file) => file.replace(/\.sql$/, '')).sort()).toEqual(names);
  for (const name of names) expect([...bodiesIn(fileText(`${name}.sql`)).keys()]).toEqual([name]);
});

it('holds in the database the very body each file defines', async () => {
  // prosrc is the text between the dollar quotes exactly as it was created: no whitespace is
  // normalised, so any edit to a body, even of layout or a comment inside it, must be applied.
  const functions = await ourFunctions();
  for (const name of new Set(functions.map((f) => f.name))) {
    const inDatabase = functions.filter((f) => f.name === name).map((f) => f.body);
    const inFile = bodiesIn(fileText(`${name}.sql`)).get(name) ?? [];
    expect(inDatabase.sort(), `${name}.sql`).toEqual(inFile.sort());
  }
});

it('creates each trigger in the file of the function it calls', async () => {
  const triggers = await ourTriggers();
  expect(triggers.length).toBeGreaterThan(5);
  for (const trigger of triggers) {
    expect(fileText(`${trigger.function}.sql`), trigger.name)
      .toMatch(new RegExp(`CREATE OR REPLACE TRIGGER ${trigger.name}\\s`));
  }
});

it('re-applies every definition, so one changed outside the files returns to theirs', async () => {
  // Definitions as the database itself prints them (signature, volatility, settings, body;
  // trigger events and conditions), before and after: two prints of the same catalogue need
  // no normalising, and any difference is an attribute the files and the database disagree on.
  const definitions = async () => ({ functions: await ourFunctions(), triggers: await ourTriggers() });
  const prepared = await definitions();
  await t.db.exec(`
    CREATE OR REPLACE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RETURN OLD; END $$;
    DROP TRIGGER report_events_append_only ON report_events;`);
  await applyFunctions(t.db);
  expect(await definitions()).toEqual(prepared);
});
