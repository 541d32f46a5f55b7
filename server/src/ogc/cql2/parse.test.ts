import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/app-error.ts';
import type { Expression, GeometryOperand, Scalar } from './ast.ts';
import { parseCql2Text } from './parse.ts';
import { writeCql2Text } from './write.ts';

const parse = parseCql2Text;

function refusal(text: string): AppError {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`"${text}" was accepted`);
}

describe('parseCql2Text', () => {
  it('reads comparisons, with AND binding tighter than OR', () => {
    expect(parse("category = 'banjir' OR status <> 'closed' AND kelurahan = '36.71.01.1001'")).toEqual({
      op: 'or',
      args: [
        { op: 'compare', operator: '=', left: { kind: 'property', name: 'category' }, right: { kind: 'string', value: 'banjir' } },
        {
          op: 'and',
          args: [
            { op: 'compare', operator: '<>', left: { kind: 'property', name: 'status' }, right: { kind: 'string', value: 'closed' } },
            { op: 'compare', operator: '=', left: { kind: 'property', name: 'kelurahan' }, right: { kind: 'string', value: '36.71.01.1001' } },
          ],
        },
      ],
    });
  });

  it('reads NOT, parentheses, IS [NOT] NULL, numbers, booleans, dates and timestamps', () => {
    expect(parse('NOT (a IS NULL) and b is not null')).toEqual({
      op: 'and',
      args: [
        { op: 'not', arg: { op: 'isNull', property: { kind: 'property', name: 'a' }, negated: false } },
        { op: 'isNull', property: { kind: 'property', name: 'b' }, negated: true },
      ],
    });
    expect(parse('x >= -1.5e2').op).toBe('compare');
    expect((parse('x >= -1.5e2') as { right: Scalar }).right).toEqual({ kind: 'number', value: -150 });
    expect((parse('is_synthetic = FALSE') as { right: Scalar }).right).toEqual({ kind: 'boolean', value: false });
    expect((parse("created_at < DATE('2026-03-01')") as { right: Scalar }).right).toEqual({ kind: 'date', value: '2026-03-01' });
    expect((parse("created_at < TIMESTAMP('2026-03-01T07:00:00+07:00')") as { right: Scalar }).right)
      .toEqual({ kind: 'timestamp', value: '2026-03-01T00:00:00.000Z' });
    expect((parse(`"odd name" = 'it''s'`) as { left: Scalar; right: Scalar })).toMatchObject({
      left: { kind: 'property', name: 'odd name' }, right: { kind: 'string', value: "it's" },
    });
  });

  it('reads S_INTERSECTS with BBOX, POLYGON and the other WKT types as GeoJSON', () => {
    expect(parse('S_INTERSECTS(geometry, BBOX(106.6, -6.3, 106.7, -6.1))')).toEqual({
      op: 's_intersects',
      left: { kind: 'property', name: 'geometry' },
      right: { kind: 'geometry', geometry: { type: 'Polygon', coordinates: [[[106.6, -6.3], [106.7, -6.3], [106.7, -6.1], [106.6, -6.1], [106.6, -6.3]]] } },
    });
    const polygon = 'POLYGON((106.6 -6.3, 106.7 -6.3, 106.7 -6.1, 106.6 -6.3))';
    expect((parse(`s_intersects(geometry, ${polygon})`) as { right: GeometryOperand }).right).toEqual({
      kind: 'geometry', geometry: { type: 'Polygon', coordinates: [[[106.6, -6.3], [106.7, -6.3], [106.7, -6.1], [106.6, -6.3]]] },
    });
    const types = (text: string) => ((parse(`S_INTERSECTS(geometry, ${text})`) as { right: { geometry: { type: string } } }).right.geometry.type);
    expect(types('POINT(106.6 -6.2)')).toBe('Point');
    expect(types('LINESTRING(106.6 -6.2, 106.7 -6.3)')).toBe('LineString');
    expect(types('MULTIPOINT((106.6 -6.2), (106.7 -6.3))')).toBe('MultiPoint');
    expect(types('MULTIPOINT(106.6 -6.2, 106.7 -6.3)')).toBe('MultiPoint');
    expect(types('MULTILINESTRING((106.6 -6.2, 106.7 -6.3))')).toBe('MultiLineString');
    expect(types(`MULTIPOLYGON(((106.6 -6.3, 106.7 -6.3, 106.7 -6.1, 106.6 -6.3)))`)).toBe('MultiPolygon');
  });

  it.each([
    ['', 'expected a predicate'],
    ['category =', 'expected a property or a value'],
    ["category = 'banjir", 'unterminated quote'],
    ['category ~ 1', 'unexpected character'],
    ['category', 'expected a comparison'],
    ['(a = 1', 'expected ")"'],
    ['a = 1 b = 2', 'unexpected "b"'],
    ['a = 1 AND', 'expected a predicate'],
    ['S_INTERSECTS(geometry, POLYGON((1 1, 2 2, 1 1)))', 'at least 4 positions'],
    ['S_INTERSECTS(geometry, POLYGON((1 1, 2 2, 3 1, 1 2)))', 'the last equal to the first'],
    ['S_INTERSECTS(geometry, BBOX(2, 0, 1, 1))', 'min ≤ max'],
    ['S_INTERSECTS(geometry, BBOX(0, 0, 1))', 'BBOX takes 4 numbers'],
    ['S_INTERSECTS(geometry, POINT(1 2, 3 4))', 'expected ")"'],
    ['S_INTERSECTS(geometry, POINT(200 0))', 'not a CRS84'],
    ["d = DATE('2026-02-30')", 'not a date'],
    ["d = TIMESTAMP('2026-02-01')", 'not an RFC 3339'],
    ['AND = 1', 'unexpected "AND"'],
    [`${'('.repeat(200)}a = 1${')'.repeat(200)}`, 'nested deeper than 64'],
  ])('refuses %j with INVALID_FILTER (%s)', (text, problem) => {
    const error = refusal(text);
    expect(error.code).toBe('INVALID_FILTER');
    expect(error.statusCode).toBe(400);
    expect(error.messages.en).toContain(problem);
  });

  it('reports where the text goes wrong', () => {
    expect(refusal("category = 'banjir' AND status ! 'x'").details).toEqual({ position: 31 });
  });
});

// Property-based: random trees written out as CQL2 text read back as the same tree, and any
// text at all either parses or is refused with INVALID_FILTER, never another error.

const name = fc.stringMatching(/^[a-z_][a-z0-9_]{0,12}$/).filter((n) => !['and', 'or', 'not', 'is', 'null', 'true', 'false', 'date', 'timestamp', 'bbox', 's_intersects', 'point', 'polygon', 'linestring', 'multipoint', 'multilinestring', 'multipolygon'].includes(n));
const property = name.map((n) => ({ kind: 'property' as const, name: n }));
const instant = fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });
const scalar: fc.Arbitrary<Scalar> = fc.oneof(
  property,
  fc.string({ maxLength: 20 }).map((value) => ({ kind: 'string' as const, value })),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => ({ kind: 'number' as const, value: Object.is(value, -0) ? 0 : value })),
  fc.boolean().map((value) => ({ kind: 'boolean' as const, value })),
  instant.map((d) => ({ kind: 'date' as const, value: d.toISOString().slice(0, 10) })),
  instant.map((d) => ({ kind: 'timestamp' as const, value: d.toISOString() })),
);
const lon = fc.double({ min: -180, max: 180, noNaN: true }).map((v) => (Object.is(v, -0) ? 0 : v));
const lat = fc.double({ min: -90, max: 90, noNaN: true }).map((v) => (Object.is(v, -0) ? 0 : v));
const position = fc.tuple(lon, lat);
const ring = fc.array(position, { minLength: 3, maxLength: 6 }).map((ps) => [...ps, ps[0]]);
const geometry: fc.Arbitrary<GeometryOperand> = fc.oneof(
  property,
  position.map((coordinates) => ({ kind: 'geometry' as const, geometry: { type: 'Point' as const, coordinates } })),
  fc.array(position, { minLength: 2, maxLength: 5 }).map((coordinates) => ({ kind: 'geometry' as const, geometry: { type: 'LineString' as const, coordinates } })),
  fc.array(ring, { minLength: 1, maxLength: 2 }).map((coordinates) => ({ kind: 'geometry' as const, geometry: { type: 'Polygon' as const, coordinates } })),
);

const { expression } = fc.letrec<{ expression: Expression; leaf: Expression }>((tie) => ({
  leaf: fc.oneof(
    fc.record({ op: fc.constant('compare' as const), operator: fc.constantFrom('=', '<>', '<', '>', '<=', '>=' as const), left: scalar, right: scalar }),
    fc.record({ op: fc.constant('isNull' as const), property, negated: fc.boolean() }),
    fc.record({ op: fc.constant('s_intersects' as const), left: geometry, right: geometry }),
  ) as fc.Arbitrary<Expression>,
  expression: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('leaf'),
    fc.record({ op: fc.constantFrom('and' as const, 'or' as const), args: fc.array(tie('expression'), { minLength: 2, maxLength: 3 }) }),
    fc.record({ op: fc.constant('not' as const), arg: tie('expression') }),
  ) as fc.Arbitrary<Expression>,
}));

describe('parseCql2Text, property-based', () => {
  it('reads back any tree written as CQL2 text', () => {
    fc.assert(fc.property(expression, (tree) => {
      expect(parse(writeCql2Text(tree))).toEqual(tree);
    }), { numRuns: 500 });
  });

  it('answers any text with a tree or INVALID_FILTER, nothing else', () => {
    const pieces = fc.constantFrom('a', ' ', '=', '<>', "'", '"', '(', ')', ',', 'AND', 'OR', 'NOT', 'IS', 'NULL', '1', '-', '.5e', 'S_INTERSECTS', 'BBOX', 'POLYGON', 'POINT', 'DATE', "'2026-01-01'", 'TRUE');
    const text = fc.oneof(fc.string({ maxLength: 60 }), fc.array(pieces, { maxLength: 30 }).map((p) => p.join(' ')), fc.array(pieces, { maxLength: 30 }).map((p) => p.join('')));
    fc.assert(fc.property(text, (t) => {
      try {
        parse(t);
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe('INVALID_FILTER');
      }
    }), { numRuns: 2000 });
  });
});
