import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noServerRuntime } from './no-server-runtime.ts';

describe('noServerRuntime', () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'petawarga-bundle-'));
    await mkdir(path.join(root, 'server'));
    await mkdir(path.join(root, 'web'));
    await writeFile(path.join(root, 'server', 'schema.ts'),
      "export interface Report { code: string }\nexport const secret = 'server-only-value';\n");
    await writeFile(path.join(root, 'web', 'types-only.ts'),
      "import type { Report } from '../server/schema.ts';\nconst r: Report = { code: 'TGR-2345AB' };\nconsole.log(r.code);\n");
    await writeFile(path.join(root, 'web', 'value.ts'),
      "import { secret } from '../server/schema.ts';\nconsole.log(secret);\n");
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  const bundle = (entry: string) => build({
    root: path.join(root, 'web'),
    logLevel: 'silent',
    configFile: false,
    plugins: [noServerRuntime(root)],
    build: { write: false, lib: { entry: path.join(root, 'web', entry), formats: ['es'] } },
  });

  it('lets a type-only import of a server schema through', async () => {
    await expect(bundle('types-only.ts')).resolves.toBeDefined();
  });

  it('fails the build on a value import from the server, naming the module', async () => {
    await expect(bundle('value.ts')).rejects.toThrow(/server\/schema\.ts is server code/);
  });
});
