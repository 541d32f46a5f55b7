import fc from 'fast-check';

// Arbitrary requests built from a route's OpenAPI description: values that fit its JSON schemas,
// mixed with what a careless or hostile client sends (NUL bytes, Infinity, huge and negative
// numbers, wrong types, impossible dates, very long text, bodies in the wrong media type).

/** The JSON Schema subset @fastify/swagger writes from the routes' TypeBox schemas. */
export interface Schema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
}

/** A number JSON cannot spell but a parser reads: `1e999` is Infinity to JSON.parse. */
export class RawNumber {
  constructor(readonly text: string) {}
}

export const hostileStrings = [
  '', ' ', '\u0000', 'ab\u0000cd', 'TGR-\u0000', '%00', 'x'.repeat(5000), 'Infinity', '-Infinity', 'NaN', '1e309', '-1',
  '0', '99999999999999999999', '2147483648', '-2147483649', '9007199254740993', '1.5', '0x10', '2026-02-30',
  '2026-13-01', '0000-00-00', '2026-02-30T25:61:00Z', "'; DROP TABLE reports; --", '../../etc/passwd', '\uD800',
  'true', 'null', '[]', '{}', '🙂'.repeat(30), 'a\r\nb', '<script>', '36.71', 'TGR-ABCDEF',
];

const hostileNumbers: unknown[] = [
  new RawNumber('1e999'), new RawNumber('-1e999'), 2 ** 31, 2 ** 53 + 2, -(2 ** 31) - 1, 1e308, -1e308, 5e-324, -1, 0, 0.5, 1.5,
];

/** Anything of the wrong kind: a value for no schema in particular. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...hostileStrings),
  fc.constantFrom(...hostileNumbers),
  fc.constantFrom(true, false, null, [], {}, [null], { '': '\u0000' }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double(),
);

const dates = fc.oneof(
  fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
    .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
);
const instants = fc.oneof(
  fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  dates.map((d) => `${d}T23:59:60Z`),
  dates,
);

function stringOf(s: Schema): fc.Arbitrary<string> {
  if (s.format === 'date') return dates;
  if (s.format === 'date-time') return instants;
  if (s.format === 'email') return fc.emailAddress();
  if (s.pattern) {
    const max = s.maxLength ?? 200;
    return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length <= max);
  }
  return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 60, 300), unit: 'grapheme' });
}

function numberOf(s: Schema, integer: boolean): fc.Arbitrary<number> {
  const lo = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (integer ? 1 : 1e-9) : -1e6);
  const hi = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (integer ? 1 : 1e-9) : 1e6);
  if (integer) return fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) });
  return fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
}

/** How spoiled values are (0: fitting the schema, 1: mostly hostile), and values that exist. */
export interface Generation {
  hostility: number;
  /** Field name → values the database holds (category codes, report codes, points in the city). */
  known: Record<string, unknown[]>;
}

/**
 * Values for a schema. At hostility 0 they fit it; above, each value is replaced by a hostile
 * one with that probability, required properties go missing and unknown ones appear. A field
 * with known values often takes one, so that requests get past lookups to the code behind them.
 */
export function valueOf(s: Schema, how: Generation, depth = 0, name?: string): fc.Arbitrary<unknown> {
  const { hostility } = how;
  const existing = name ? how.known[name] : undefined;
  const generated = fittingValueOf(s, how, depth, name);
  const fitting = existing?.length ? fc.oneof(generated, fc.constantFrom(...existing)) : generated;
  if (hostility === 0) return fitting;
  const weight = Math.max(1, Math.round(hostility * 10));
  return fc.oneof({ arbitrary: fitting, weight: 10 - Math.min(weight, 9) }, { arbitrary: hostileValue, weight });
}

function fittingValueOf(s: Schema, how: Generation, depth: number, name?: string): fc.Arbitrary<unknown> {
  const { hostility } = how;
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((a) => valueOf(a, how, depth + 1, name)));
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string': return stringOf(s);
    case 'integer': return numberOf(s, true);
    case 'number': return numberOf(s, false);
    case 'boolean': return fc.boolean();
    case 'null': return fc.constant(null);
    case 'array': {
      if (depth > 4) return fc.constant([]);
      return fc.array(valueOf(s.items ?? {}, how, depth + 1, name), {
        minLength: hostility ? 0 : (s.minItems ?? 0), maxLength: Math.min(s.maxItems ?? 5, 5),
      });
    }
    case 'object': return objectOf(s, how, depth);
    default: return depth > 4 ? fc.constant(null) : fc.jsonValue({ maxDepth: 2 });
  }
}

function objectOf(s: Schema, how: Generation, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const { hostility } = how;
  const properties = s.properties ?? {};
  const known = fc.record(
    Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, valueOf(v, how, depth + 1, k)])),
    { requiredKeys: (s.required ?? []).filter((k) => k in properties) },
  );
  if (!hostility) return known;
  // Hostile objects keep their keys most of the time, so validation of the others is reached.
  const keys = Object.keys(properties);
  const dropped = keys.length
    ? fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: fc.constantFrom(...keys), weight: 1 })
    : fc.constant(undefined);
  const extra = fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 4 },
    { arbitrary: fc.tuple(fc.constantFrom('extra', '__proto__', 'constructor', '\u0000', ''), hostileValue), weight: 1 },
  );
  return fc.tuple(known, dropped, extra).map(([value, drop, added]) => {
    const result: Record<string, unknown> = { ...value };
    if (drop !== undefined) delete result[drop];
    if (added) Object.defineProperty(result, added[0], { value: added[1], enumerable: true, configurable: true, writable: true });
    return result;
  });
}

/** JSON text of a value, with RawNumbers written as their literal text. */
export function toJson(value: unknown): string {
  const marks: string[] = [];
  const text = JSON.stringify(value, (_k, v) => {
    if (v instanceof RawNumber) {
      marks.push(v.text);
      return `\u0001raw${marks.length - 1}\u0001`;
    }
    return v;
  });
  return (text ?? 'null').replace(/"\\u0001raw(\d+)\\u0001"/g, (_m, i) => marks[Number(i)]);
}

/** A value as it would appear in a query string or a path. */
export function toText(value: unknown): string {
  if (value instanceof RawNumber) return value.text === '1e999' ? 'Infinity' : '-Infinity';
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) return toJson(value);
  return String(value);
}
