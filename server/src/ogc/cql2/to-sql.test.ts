import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { reportsCollection } from '../reports.ts';
import type { Expression, Scalar } from './ast.ts';
import { parseCql2Text } from './parse.ts';
import { cql2ToSql } from './to-sql.ts';
import { writeCql2Text } from './write.ts';

// Filters over the queryables of reports, run by PostgreSQL: every one the translation accepts
// is SQL the database runs, and it selects exactly the rows a JavaScript reading of the same
// filter selects (for the comparisons; S_INTERSECTS is checked against fixed boxes below).

let t: TestApp;
const queryables = reportsCollection.queryables!;

beforeAll(async () => {
  t = await createTestApp();
  for (const [category, lon, lat] of [['banjir', 106.632, -6.17], ['sampah', 106.72, -6.3], ['jalan_rusak', 106.7, -6.28]] as const) {
    const res = await t.app.inject({ method: 'POST', url: '/api/reports', payload: { category, description: 'Saluran air tersumbat sampah di gang', lon, lat } });
    expect(res.statusCode).toBe(201);
  }
});
afterAll(() => t?.close());

const matching = async (filter: string) => (await t.db.query<{ code: string }>(sql`
  SELECT code FROM reports WHERE ${cql2ToSql(parseCql2Text(filter), queryables)} ORDER BY code`)).map((r) => r.code);

describe('cql2ToSql', () => {
  it('selects by comparison, IS NULL and S_INTERSECTS', async () => {
    const all = await matching('TRUE');
    expect(all).toHaveLength(3);
    expect(await matching("category = 'banjir' OR category = 'sampah'")).toHaveLength(2);
    expect(await matching("category >= 'jalan_rusak' AND category < 'sampah'")).toHaveLength(1);
    expect(await matching('is_synthetic = FALSE AND NOT (code IS NULL)')).toEqual(all);
    expect(await matching('S_INTERSECTS(geometry, BBOX(106.69, -6.31, 106.73, -6.27))')).toHaveLength(2);
    expect(await matching('S_INTERSECTS(geometry, POINT(106.632 -6.17))')).toHaveLength(1);
    expect(await matching("created_at > DATE('2000-01-01') AND updated_at <= TIMESTAMP('2999-01-01T00:00:00Z')")).toEqual(all);
  });

  it.each([
    ["reporter_email = 'x'", 'not a queryable'],
    ["constructor = 'x'", 'not a queryable'],
    ["category = 3", 'cannot compare a string with a number'],
    ['geometry = 1', 'is a geometry'],
    ['S_INTERSECTS(category, BBOX(0, 0, 1, 1))', 'is not a geometry'],
  ])('refuses %j (%s)', (filter, problem) => {
    try {
      cql2ToSql(parseCql2Text(filter), queryables);
      expect.unreachable();
    } catch (error) {
      expect((error as AppError).code).toBe('INVALID_FILTER');
      expect((error as AppError).messages.en).toContain(problem);
    }
  });
});

// Random comparisons over the reports' string, boolean and time queryables, evaluated by PostgreSQL
// and, for the same rows, in JavaScript: the two must agree on every report.

type Row = Record<string, string | boolean>;
const text = fc.constantFrom('banjir', 'sampah', 'jalan_rusak', 'published', 'web', 'x', '', "o'neil", '36.71');
const stringProperty = fc.constantFrom('category', 'status', 'channel', 'city');
const leaf: fc.Arbitrary<Expression> = fc.oneof(
  fc.record({
    op: fc.constant('compare' as const),
    operator: fc.constantFrom('=', '<>', '<', '>', '<=', '>=' as const),
    left: stringProperty.map((name): Scalar => ({ kind: 'property', name })),
    right: text.map((value): Scalar => ({ kind: 'string', value })),
  }),
  fc.record({
    op: fc.constant('compare' as const), operator: fc.constantFrom('=', '<>' as const),
    left: fc.constant<Scalar>({ kind: 'property', name: 'is_synthetic' }),
    right: fc.boolean().map((value): Scalar => ({ kind: 'boolean', value })),
  }),
  fc.record({ op: fc.constant('isNull' as const), property: stringProperty.map((name) => ({ kind: 'property' as const, name })), negated: fc.boolean() }),
);
const { tree } = fc.letrec<{ tree: Expression }>((tie) => ({
  tree: fc.oneof({ depthSize: 'small' },
    leaf,
    fc.record({ op: fc.constantFrom('and' as const, 'or' as const), args: fc.array(tie('tree'), { minLength: 2, maxLength: 3 }) }),
    fc.record({ op: fc.constant('not' as const), arg: tie('tree') })) as fc.Arbitrary<Expression>,
}));

// PostgreSQL compares text by the database's collation: the values above (lower case, digits)
// are equal or differ in their first character, where the C and en_US orders agree.
function holds(e: Expression, row: Row): boolean {
  switch (e.op) {
    case 'and': return e.args.every((a) => holds(a, row));
    case 'or': return e.args.some((a) => holds(a, row));
    case 'not': return !holds(e.arg, row);
    case 'boolean': return e.value;
    case 'isNull': return (row[e.property.name] === null) !== e.negated;
    case 'compare': {
      const l = row[(e.left as { name: string }).name];
      const r = (e.right as { value: string | boolean }).value;
      return { '=': l === r, '<>': l !== r, '<': l < r, '>': l > r, '<=': l <= r, '>=': l >= r }[e.operator];
    }
    default: throw new Error(e.op);
  }
}

describe('cql2ToSql, property-based against PostgreSQL', () => {
  it('selects what a JavaScript reading of the filter selects', async () => {
    const rows = await t.db.query<Row>(sql`SELECT code, category_code AS category, status, channel, city_code AS city, is_synthetic FROM reports ORDER BY code`);
    await fc.assert(fc.asyncProperty(tree, async (e) => {
      const expected = rows.filter((row) => holds(e, row)).map((row) => row.code);
      expect(await matching(writeCql2Text(e))).toEqual(expected);
    }), { numRuns: 150 });
  });
});
