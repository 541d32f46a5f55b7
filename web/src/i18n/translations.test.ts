import { describe, expect, it } from 'vitest';
import en from './en.json' with { type: 'json' };
import id from './id.json' with { type: 'json' };

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`]);
}

function placeholders(tree: object): Record<string, string[]> {
  const flat: Record<string, string[]> = {};
  const walk = (node: object, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'object' && value !== null) walk(value, `${prefix}${key}.`);
      else flat[`${prefix}${key}`] = [...String(value).matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    }
  };
  walk(tree, '');
  return flat;
}

describe('translations', () => {
  it('has every Indonesian text in English and no English text without an Indonesian one', () => {
    expect(keys(en).sort()).toEqual(keys(id).sort());
  });

  it('uses the same placeholders in both languages', () => {
    expect(placeholders(en)).toEqual(placeholders(id));
  });
});
