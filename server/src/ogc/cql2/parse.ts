import type { Geometry, Position } from 'geojson';
import { appError } from '../../http/error-catalogue.ts';
import { comparisonOperators, type ComparisonOperator, type Expression, type GeometryOperand, type Property, type Scalar } from './ast.ts';
import { tokenize, type Token } from './tokens.ts';

// A recursive-descent parser of CQL2 text (OGC 21-065r2, Annex A BNF) for the Basic CQL2
// conformance class plus S_INTERSECTS. No maintained CQL2 parser for JavaScript was found on
// npm; this one follows the BNF's productions by name. Nesting is bounded so that a hostile
// filter cannot exhaust the stack.

const maxDepth = 64;

function refuse(problem: string, position: number): never {
  throw appError('INVALID_FILTER', { problem, position, details: { position } });
}

class Parser {
  private index = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[], private readonly length: number) {}

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }
  /** Where the next token starts in the text, for error messages. */
  private offset(): number {
    return this.peek()?.position ?? this.length;
  }
  private keyword(word: string): boolean {
    const t = this.peek();
    if (t?.type === 'word' && t.text.toUpperCase() === word) {
      this.index++;
      return true;
    }
    return false;
  }
  punct(text: string): boolean {
    if (this.peek()?.type === 'punct' && this.peek()!.text === text) {
      this.index++;
      return true;
    }
    return false;
  }
  expect(text: string): void {
    if (!this.punct(text)) refuse(`expected "${text}"`, this.offset());
  }

  parse(): Expression {
    const expression = this.booleanExpression();
    if (this.peek()) refuse(`unexpected "${this.peek()!.text}"`, this.offset());
    return expression;
  }

  private booleanExpression(): Expression {
    if (++this.depth > maxDepth) refuse(`nested deeper than ${maxDepth}`, this.offset());
    const args = [this.booleanTerm()];
    while (this.keyword('OR')) args.push(this.booleanTerm());
    this.depth--;
    return args.length === 1 ? args[0] : { op: 'or', args };
  }

  private booleanTerm(): Expression {
    const args = [this.booleanFactor()];
    while (this.keyword('AND')) args.push(this.booleanFactor());
    return args.length === 1 ? args[0] : { op: 'and', args };
  }

  private booleanFactor(): Expression {
    if (this.keyword('NOT')) return { op: 'not', arg: this.booleanPrimary() };
    return this.booleanPrimary();
  }

  private booleanPrimary(): Expression {
    const start = this.offset();
    const t = this.peek();
    if (!t) refuse('expected a predicate', start);
    if (t.type === 'punct' && t.text === '(') {
      this.index++;
      const inner = this.booleanExpression();
      this.expect(')');
      return inner;
    }
    if (t.type === 'word' && t.text.toUpperCase() === 'S_INTERSECTS') {
      this.index++;
      this.expect('(');
      const left = this.geometryOperand();
      this.expect(',');
      const right = this.geometryOperand();
      this.expect(')');
      return { op: 's_intersects', left, right };
    }
    const left = this.scalar();
    if (left.kind === 'property' && this.keyword('IS')) {
      const negated = this.keyword('NOT');
      if (!this.keyword('NULL')) refuse('expected NULL', this.offset());
      return { op: 'isNull', property: left, negated };
    }
    const operator = this.peek();
    if (operator?.type === 'operator' && (comparisonOperators as readonly string[]).includes(operator.text)) {
      this.index++;
      return { op: 'compare', operator: operator.text as ComparisonOperator, left, right: this.scalar() };
    }
    // TRUE and FALSE alone are boolean predicates (booleanLiteral in the BNF's booleanPrimary).
    if (left.kind === 'boolean') return { op: 'boolean', value: left.value };
    return refuse('expected a comparison (=, <>, <, >, <=, >=) or IS NULL', this.offset());
  }

  private scalar(): Scalar {
    const t = this.peek();
    const at = this.offset();
    if (!t) refuse('expected a property or a value', at);
    if (t.type === 'operator' && t.text === '-') return { kind: 'number', value: this.number() };
    this.index++;
    if (t.type === 'string') return { kind: 'string', value: t.text };
    if (t.type === 'number') return { kind: 'number', value: Number(t.text) };
    if (t.type === 'quoted') return { kind: 'property', name: t.text };
    if (t.type !== 'word') refuse(`unexpected "${t.text}"`, at);
    const word = t.text.toUpperCase();
    if (word === 'TRUE' || word === 'FALSE') return { kind: 'boolean', value: word === 'TRUE' };
    if ((word === 'DATE' || word === 'TIMESTAMP') && this.punct('(')) {
      const value = this.peek();
      if (value?.type !== 'string') refuse(`expected a quoted ${word.toLowerCase()}`, this.offset());
      this.index++;
      this.expect(')');
      return word === 'DATE' ? { kind: 'date', value: checkDate(value.text, value.position) } : { kind: 'timestamp', value: checkTimestamp(value.text, value.position) };
    }
    if (reserved.has(word)) refuse(`unexpected "${t.text}"`, at);
    return { kind: 'property', name: t.text };
  }

  private geometryOperand(): GeometryOperand {
    const t = this.peek();
    const at = this.offset();
    if (t?.type === 'quoted') {
      this.index++;
      return { kind: 'property', name: t.text };
    }
    if (t?.type !== 'word') refuse('expected a property or a geometry', at);
    this.index++;
    const word = t.text.toUpperCase();
    if (word === 'BBOX') return { kind: 'geometry', geometry: this.bbox(at) };
    if (word in geometryReaders) return { kind: 'geometry', geometry: geometryReaders[word](this, at) };
    if (reserved.has(word)) refuse(`unexpected "${t.text}"`, at);
    return { kind: 'property', name: t.text } satisfies Property;
  }

  private number(): number {
    const negative = this.peek()?.type === 'operator' && this.peek()!.text === '-' ? (this.index++, true) : false;
    const t = this.peek();
    if (t?.type !== 'number') refuse('expected a number', this.offset());
    this.index++;
    return negative ? -Number(t.text) : Number(t.text);
  }

  /** BBOX(minLon, minLat, maxLon, maxLat) as the polygon it stands for (§8.3.3). */
  private bbox(at: number): Geometry {
    const numbers = this.list(() => this.number());
    if (numbers.length !== 4) refuse('BBOX takes 4 numbers: minLon, minLat, maxLon, maxLat', at);
    const [minX, minY, maxX, maxY] = numbers;
    if (minX > maxX || minY > maxY) refuse('BBOX needs min ≤ max', at);
    checkPosition([minX, minY], at);
    checkPosition([maxX, maxY], at);
    return { type: 'Polygon', coordinates: [[[minX, minY], [maxX, minY], [maxX, maxY], [minX, maxY], [minX, minY]]] };
  }

  /** A GeoJSON position: two numbers separated by white space (lon lat, CRS84). */
  position(): Position {
    const at = this.offset();
    const p = [this.number(), this.number()];
    checkPosition(p, at);
    return p;
  }

  /** '(' item {',' item} ')' */
  list<T>(item: () => T): T[] {
    this.expect('(');
    const items = [item()];
    while (this.punct(',')) items.push(item());
    this.expect(')');
    return items;
  }

  ring(): Position[] {
    const at = this.offset();
    const ring = this.list(() => this.position());
    const [first, last] = [ring[0], ring.at(-1)!];
    if (ring.length < 4 || first[0] !== last[0] || first[1] !== last[1]) refuse('a polygon ring needs at least 4 positions, the last equal to the first', at);
    return ring;
  }
}

const geometryReaders: Record<string, (p: Parser, at: number) => Geometry> = {
  POINT: (p) => {
    p.expect('(');
    return { type: 'Point', coordinates: closed(p, p.position()) };
  },
  LINESTRING: (p, at) => ({ type: 'LineString', coordinates: atLeastTwo(p.list(() => p.position()), at) }),
  POLYGON: (p) => ({ type: 'Polygon', coordinates: p.list(() => p.ring()) }),
  // Both MULTIPOINT(1 2, 3 4) and MULTIPOINT((1 2), (3 4)) are WKT.
  MULTIPOINT: (p) => ({ type: 'MultiPoint', coordinates: p.list(() => (p.punct('(') ? closed(p, p.position()) : p.position())) }),
  MULTILINESTRING: (p, at) => ({ type: 'MultiLineString', coordinates: p.list(() => atLeastTwo(p.list(() => p.position()), at)) }),
  MULTIPOLYGON: (p) => ({ type: 'MultiPolygon', coordinates: p.list(() => p.list(() => p.ring())) }),
};

function closed<T>(p: Parser, value: T): T {
  p.expect(')');
  return value;
}

const reserved = new Set(['AND', 'OR', 'NOT', 'IS', 'NULL', 'S_INTERSECTS', 'BBOX', ...Object.keys(geometryReaders)]);

function atLeastTwo(positions: Position[], at: number): Position[] {
  if (positions.length < 2) refuse('a line needs at least 2 positions', at);
  return positions;
}

function checkPosition([lon, lat]: Position, at: number): void {
  if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) refuse(`${lon} ${lat} is not a CRS84 longitude and latitude`, at);
}

function checkDate(value: string, at: number): string {
  const date = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) refuse(`"${value}" is not a date (YYYY-MM-DD)`, at);
  return value;
}

function checkTimestamp(value: string, at: number): string {
  // RFC 3339 with a zone, as CQL2's instantLiteral requires (the BNF's "Z" is mandatory there).
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i.test(value) || Number.isNaN(Date.parse(value))) {
    refuse(`"${value}" is not an RFC 3339 timestamp`, at);
  }
  return new Date(value).toISOString();
}

/** The tree of a CQL2 text filter; INVALID_FILTER with the character position where it fails. */
export function parseCql2Text(text: string): Expression {
  return new Parser(tokenize(text), text.length).parse();
}
