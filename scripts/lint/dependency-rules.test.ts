import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { cruise } from 'dependency-cruiser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The rules CI enforces, applied to a small tree made to break them: proof that the
// configuration catches what it claims to, not only that the real tree passes.
const rules = createRequire(import.meta.url)('../../.dependency-cruiser.cjs');

describe('the dependency rules', () => {
  let root: string;
  const cwd = process.cwd();

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'petawarga-deps-'));
    const files: Record<string, string> = {
      'server/src/reports/submit.ts': "import { addEvent } from '../lifecycle/events.ts';\nexport const submit = () => addEvent();\n",
      'server/src/lifecycle/events.ts': 'export const addEvent = () => 1;\n',
      'server/src/lifecycle/edit.ts': "import { codeOf } from '../reports/code.ts';\nexport const edit = () => codeOf();\n",
      'server/src/reports/code.ts': "export const codeOf = () => 'TGR-2345AB';\n",
      'server/src/jobs/a.ts': "import type { B } from './b.ts';\nexport interface A { b?: B }\n",
      'server/src/jobs/b.ts': "import type { A } from './a.ts';\nexport interface B { a?: A }\n",
      'server/src/jobs/a.test.ts': "import '../reports/submit.ts';\n",
      'tsconfig.json': JSON.stringify({ compilerOptions: { allowImportingTsExtensions: true, module: 'NodeNext', noEmit: true } }),
    };
    for (const [file, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await writeFile(path.join(root, file), text);
    }
    process.chdir(root);
  });
  afterAll(async () => {
    process.chdir(cwd);
    await rm(root, { recursive: true, force: true });
  });

  it('reports a cycle between two folders and one between two modules, typed imports included', async () => {
    const result = await cruise(['server/src'], { ruleSet: { forbidden: rules.forbidden }, ...rules.options, validate: true });
    const output = typeof result.output === 'string' ? JSON.parse(result.output) : result.output;
    const broken = new Set(output.summary.violations.map((v: { rule: { name: string } }) => v.rule.name));
    expect(broken).toEqual(new Set(['no-folder-cycles', 'no-module-cycles']));
    const folderCycle = output.summary.violations.find((v: { rule: { name: string } }) => v.rule.name === 'no-folder-cycles');
    expect(folderCycle.cycle.map((step: { name: string }) => step.name).sort())
      .toEqual(['server/src/lifecycle', 'server/src/reports']);
  });
});
