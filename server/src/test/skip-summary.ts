import type { Reporter, TestCase, TestModule, TestSuite } from 'vitest/node';

type Missing = NonNullable<ReturnType<TestCase['meta']>['missing']>;

/** The requirements a skipped test lacked: its own, else its nearest suite's. */
function missingFor(test: TestCase): Missing | undefined {
  let task: TestCase | TestSuite | TestModule = test;
  for (;;) {
    const missing = task.meta().missing;
    if (missing?.length) return missing;
    if (task.type === 'module') return undefined;
    task = task.parent;
  }
}

/**
 * A vitest reporter that ends the run with what it skipped for lack of a requirement (see
 * requirements.ts), grouped by what was missing, with each file's reason and how to provide it.
 */
export default class SkipSummary implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const groups = new Map<string, { provide: string[]; count: number; files: Map<string, { count: number; why: Set<string> }> }>();
    let total = 0;
    for (const module of modules) {
      for (const test of module.children.allTests('skipped')) {
        const missing = missingFor(test);
        if (!missing) continue;
        total++;
        const key = missing.map((m) => m.need).join(' and ');
        let group = groups.get(key);
        if (!group) groups.set(key, (group = { provide: [...new Set(missing.map((m) => m.provide))], count: 0, files: new Map() }));
        group.count++;
        let file = group.files.get(module.relativeModuleId);
        if (!file) group.files.set(module.relativeModuleId, (file = { count: 0, why: new Set() }));
        file.count++;
        for (const m of missing) file.why.add(m.why);
      }
    }
    if (total === 0) return;
    const lines = [`skipped ${total} test${total === 1 ? '' : 's'} for lack of what they need:`];
    for (const [need, group] of groups) {
      lines.push(`  ${group.count} need ${need}; provide: ${group.provide.join('; ')}`);
      for (const [file, { count, why }] of group.files) lines.push(`    ${file} (${count}): ${[...why].join('; ')}`);
    }
    process.stdout.write(`\n${lines.join('\n')}\n`);
  }
}
