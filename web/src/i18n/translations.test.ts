import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Every namespace of web/src/i18n/<language>/<namespace>.json, and every key the code uses.
const i18nDir = import.meta.dirname;
const srcDir = path.resolve(i18nDir, '..');
const languages = ['id', 'en'];
const namespaces = fs.readdirSync(path.join(i18nDir, 'id')).map((file) => path.basename(file, '.json')).sort();

type Tree = { [key: string]: string | Tree };
const texts = (language: string, namespace: string): Tree =>
  JSON.parse(fs.readFileSync(path.join(i18nDir, language, `${namespace}.json`), 'utf8'));

function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`));
}

const variables = (text: string) => [...text.matchAll(/{{\s*(\w+)/g)].map((m) => m[1]).sort();

// A file reads the namespace it names in useTranslation; files that only hold keys for others to
// translate (report-draft.ts, say) read their folder's.
const folderNamespace: Record<string, string> = { report: 'public', 'my-reports': 'public', console: 'console', analytics: 'analytics' };

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

interface Use {
  file: string;
  /** The namespaces the key is looked up in, in order (common is every page's fallback). */
  namespaces: string[];
  key: string;
  /** A template literal's fixed beginning (`status.${code}`): some key must start with it. */
  prefixOnly: boolean;
}

/**
 * Every key the code names: the first argument of each t() call, and any other string literal
 * shaped like a key of the file's namespace ('errors.location.missing', 'common:failure.network'),
 * since such keys travel in variables before reaching t(). A key built at run time from a
 * template literal is checked by its fixed beginning.
 */
function keysInCode(): Use[] {
  return sourceFiles(srcDir).flatMap((file) => {
    const code = fs.readFileSync(file, 'utf8');
    const named = [...code.matchAll(/useTranslation\(\s*'(\w+)'/g)].map((m) => m[1]);
    const folder = folderNamespace[path.relative(srcDir, file).split(path.sep)[0]];
    const own = named.length ? [...new Set(named)] : folder ? [folder] : [];
    const topLevel = new Set([...own, 'common'].flatMap((ns) => Object.keys(texts('id', ns))));
    const uses: Use[] = [];
    const add = (literal: string, prefixOnly: boolean) => {
      const qualified = /^(\w+):(.*)$/.exec(literal);
      uses.push(qualified
        ? { file, namespaces: [qualified[1]], key: qualified[2], prefixOnly }
        : { file, namespaces: [...own, 'common'], key: literal, prefixOnly });
    };
    for (const [, quote, literal] of code.matchAll(/\bt\(\s*(['"`])((?:(?!\1).)*)\1/g)) {
      if (quote === '`' && literal.includes('${')) add(literal.slice(0, literal.indexOf('${')), true);
      else add(literal, false);
    }
    for (const [, literal] of code.matchAll(/'((?:\w+:)?\w+(?:\.\w+)+)'/g)) {
      const qualified = /^(\w+):/.exec(literal);
      if (qualified ? namespaces.includes(qualified[1]) : topLevel.has(literal.split('.')[0])) add(literal, false);
    }
    return uses;
  });
}

describe('translations', () => {
  it('finds every namespace in every language', () => {
    expect(namespaces).toEqual(['analytics', 'common', 'console', 'public']);
    for (const language of languages) {
      expect(fs.readdirSync(path.join(i18nDir, language)).sort()).toEqual(namespaces.map((ns) => `${ns}.json`));
    }
  });

  describe.each(namespaces)('the %s namespace', (namespace) => {
    const [id, en] = languages.map((language) => new Map(leaves(texts(language, namespace))));

    it('has every Indonesian text in English and no English text without an Indonesian one', () => {
      expect([...en.keys()].sort()).toEqual([...id.keys()].sort());
    });

    it('has no empty text', () => {
      for (const map of [id, en]) {
        expect([...map].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
      }
    });

    it('uses the same placeholders in both languages', () => {
      const mismatched = [...id].filter(([key, text]) => variables(text).join() !== variables(en.get(key) ?? '').join());
      expect(mismatched.map(([key]) => key)).toEqual([]);
    });

  });

  it.each(namespaces.filter((ns) => ns !== 'common'))('does not shadow a group of the common namespace in %s', (namespace) => {
    const common = Object.keys(texts('id', 'common'));
    expect(Object.keys(texts('id', namespace)).filter((key) => common.includes(key))).toEqual([]);
  });

  it('has a text for every key the code uses', () => {
    const flat = Object.fromEntries(namespaces.map((ns) => [ns, leaves(texts('id', ns)).map(([key]) => key)]));
    const uses = keysInCode();
    // The scan must see the app's keys, or this test would pass on an empty list.
    expect(uses.length).toBeGreaterThan(300);
    const missing = uses.filter(({ namespaces: lookedIn, key, prefixOnly }) => !lookedIn.some((ns) =>
      prefixOnly ? flat[ns]?.some((known) => known.startsWith(key)) : flat[ns]?.includes(key)));
    expect(missing.map(({ file, namespaces: lookedIn, key }) =>
      `${path.relative(srcDir, file)}: ${lookedIn.join('|')}:${key}`)).toEqual([]);
  });

  it('names the namespace in every useTranslation call', () => {
    const unnamed = sourceFiles(srcDir).filter((file) => /useTranslation\(\s*\)/.test(fs.readFileSync(file, 'utf8')));
    expect(unnamed.map((file) => path.relative(srcDir, file))).toEqual([]);
  });
});
