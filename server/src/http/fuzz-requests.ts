import fc from 'fast-check';
import { hostileStrings, toJson, toText, valueOf, type Generation, type Schema } from './fuzz-arbitraries.ts';

// Whole requests for one operation of the OpenAPI document: path, query, headers and a body in
// one of the media types clients send (right or wrong), as a signed-in admin or anonymously.

interface Parameter { in: 'path' | 'query' | 'header'; name: string; required?: boolean; schema: Schema }

export interface Operation {
  method: string;
  /** OpenAPI path, e.g. /api/reports/{code} */
  path: string;
  parameters: Parameter[];
  /** Media type → body schema */
  bodies: Record<string, Schema>;
}

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** Which identity sent it, for the failure message. */
  as: Identity;
}

export type Identity = 'admin' | 'admin-without-csrf' | 'anonymous' | 'forged-session';

/** What the harness knows of the test database, so that some requests reach real rows. */
export interface Known {
  /** Parameter or property name → values that exist (report codes, rule ids, categories, points). */
  values: Record<string, unknown[]>;
  admin: { cookie: string; csrf: string };
  /** A small valid JPEG, for multipart bodies that carry a photo. */
  jpeg: Buffer;
}

/** The operations of an OpenAPI 3 document. */
export function operationsOf(doc: { paths: Record<string, Record<string, unknown>> }): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(methods)) {
      const op = raw as { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema?: Schema }> } };
      const bodies = Object.fromEntries(Object.entries(op.requestBody?.content ?? {}).map(([type, c]) => [type, c.schema ?? {}]));
      operations.push({ method: method.toUpperCase(), path, parameters: op.parameters ?? [], bodies });
    }
  }
  return operations;
}

// Each request is fitting, lightly or heavily spoiled, or entirely hostile. The arbitraries are
// built once per level (building one from a regular expression is costly), not per request.
const hostilities = [0, 0, 0.15, 0.4, 1];
const atEveryHostility = <T>(known: Known, build: (how: Generation) => fc.Arbitrary<T>): fc.Arbitrary<T> =>
  fc.oneof(...hostilities.map((hostility) => build({ hostility, known: known.values })));

/** Lone surrogates become U+FFFD, as String.prototype.toWellFormed does (ES2024). */
const wellFormed = (v: string) => v.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

function pathValue(p: Parameter, known: Known): fc.Arbitrary<string> {
  const generated = atEveryHostility(known, (how) => valueOf(p.schema, how, 0, p.name)).map(toText);
  const arbitraries = [{ arbitrary: generated, weight: 3 }, { arbitrary: fc.constantFrom(...hostileStrings), weight: 1 }];
  // Never empty: an empty segment is another route, not a refusal of this one.
  const encoded = fc.oneof(...arbitraries).map((v) => (v === '' ? 'x' : encodeURIComponent(wellFormed(v))));
  // Percent-encodings that decode to nothing valid: a lone '%', an overlong NUL, a surrogate.
  return fc.oneof({ arbitrary: encoded, weight: 12 }, { arbitrary: fc.constantFrom('%', '%zz', '%C0%80', '%ED%A0%80', '..', '.'), weight: 1 });
}

function queryString(parameters: Parameter[], known: Known): fc.Arbitrary<string> {
  const query = parameters.filter((p) => p.in === 'query');
  if (!query.length) return fc.constantFrom('', '?x=1', '?%00=%00');
  return atEveryHostility(known, (how) => fc.record(
    Object.fromEntries(query.map((p) => {
      const one = valueOf(p.schema, how, 0, p.name);
      // A repeated parameter (?limit=1&limit=2) arrives as an array.
      return [p.name, fc.oneof({ arbitrary: one, weight: 6 }, { arbitrary: fc.array(one, { minLength: 2, maxLength: 3 }), weight: 1 })];
    })),
    { requiredKeys: how.hostility ? [] : query.filter((p) => p.required).map((p) => p.name) },
  )).map((values) => {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(values)) {
      for (const v of Array.isArray(value) && !query.find((p) => p.name === name)?.schema.type?.includes('array') ? value : [value]) {
        search.append(name, toText(v));
      }
    }
    const text = search.toString();
    return text ? `?${text}` : '';
  });
}

type BodyKind = 'json' | 'none' | 'empty-json' | 'text-plain' | 'malformed-json' | 'form-urlencoded'
  | 'multipart' | 'multipart-truncated' | 'multipart-without-boundary' | 'geo-json' | 'octet-stream';

interface Body { kind: BodyKind; headers: Record<string, string>; payload?: string | Buffer }

function multipart(fields: Record<string, unknown>, file: Buffer | undefined, fileField: string): Body {
  const boundary = '----petawargafuzz7MA4YWxkTrZu0gW';
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${toText(value)}\r\n`));
  }
  if (file) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${fileField}"; filename="p.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`), file, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { kind: 'multipart', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: Buffer.concat(chunks) };
}

function bodyOf(op: Operation, known: Known): fc.Arbitrary<Body> {
  const schema = op.bodies['application/json'];
  const value = schema ? atEveryHostility(known, (how) => valueOf(schema, how)) : fc.jsonValue({ maxDepth: 2 });
  const json = value.map(toJson);
  const file = fc.oneof(
    fc.constant(undefined), fc.constant(known.jpeg), fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)),
  );
  const kinds: { arbitrary: fc.Arbitrary<Body>; weight: number }[] = [
    { weight: schema ? 12 : 3, arbitrary: json.map((payload) => ({ kind: 'json', headers: { 'content-type': 'application/json' }, payload })) },
    { weight: schema ? 1 : 6, arbitrary: fc.constant({ kind: 'none', headers: {} }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'empty-json', headers: { 'content-type': 'application/json' }, payload: '' }) },
    { weight: 1, arbitrary: json.map((payload) => ({ kind: 'text-plain', headers: { 'content-type': 'text/plain' }, payload })) },
    { weight: 1, arbitrary: json.map((payload) => ({ kind: 'malformed-json', headers: { 'content-type': 'application/json' }, payload: payload.slice(0, -1) || '{' })) },
    { weight: 1, arbitrary: fc.string().map((s) => ({ kind: 'form-urlencoded', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `a=${encodeURIComponent(s)}` })) },
    { weight: op.bodies['multipart/form-data'] || op.method === 'POST' ? 3 : 1, arbitrary: fc.tuple(value, file, fc.constantFrom('photos', 'photos', 'file'))
      .map(([v, f, field]) => multipart(typeof v === 'object' && v && !Array.isArray(v) ? v as Record<string, unknown> : { v }, f, field)) },
    { weight: 1, arbitrary: fc.tuple(value, file, fc.nat(400)).map(([v, f, cut]) => {
      const whole = multipart(typeof v === 'object' && v && !Array.isArray(v) ? v as Record<string, unknown> : { v }, f, 'photos');
      return { ...whole, kind: 'multipart-truncated', payload: (whole.payload as Buffer).subarray(0, cut) };
    }) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((a) => ({ kind: 'multipart-without-boundary', headers: { 'content-type': 'multipart/form-data' }, payload: Buffer.from(a) })) },
    { weight: 1, arbitrary: json.map((payload) => ({ kind: 'geo-json', headers: { 'content-type': 'application/geo+json' }, payload })) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((a) => ({ kind: 'octet-stream', headers: { 'content-type': 'application/octet-stream' }, payload: Buffer.from(a) })) },
  ];
  return fc.oneof(...kinds);
}

function headerValues(op: Operation, known: Known): fc.Arbitrary<Record<string, string>> {
  const declared = op.parameters.filter((p) => p.in === 'header');
  const printable = (v: unknown) => toText(v).replace(/[^\x20-\x7e]/g, '?').slice(0, 300);
  return fc.record(
    Object.fromEntries(declared.map((p) => [p.name, atEveryHostility(known, (how) => valueOf(p.schema, how, 0, p.name)).map(printable)])),
    { requiredKeys: [] },
  ) as fc.Arbitrary<Record<string, string>>;
}

const identities = fc.constantFrom<Identity>('admin', 'admin', 'admin', 'admin', 'admin', 'admin', 'anonymous', 'admin-without-csrf', 'forged-session');

function identityHeaders(as: Identity, known: Known): Record<string, string> {
  switch (as) {
    case 'admin': return { cookie: known.admin.cookie, 'x-csrf-token': known.admin.csrf };
    case 'admin-without-csrf': return { cookie: known.admin.cookie };
    case 'forged-session': return { cookie: 'pw_session=%00forged', 'x-csrf-token': '\u0000' };
    case 'anonymous': return {};
  }
}

/** Requests for one operation. Signing out would end the admin session the others rely on. */
export function requestsFor(op: Operation, known: Known): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const path = fc.record(Object.fromEntries(pathParams.map((p) => [p.name, pathValue(p, known)])))
    .map((values) => op.path.replace(/\{(\w+)\}/g, (_m, name: string) => values[name]));
  const writes = op.method !== 'GET' && op.method !== 'HEAD';
  const body = writes ? bodyOf(op, known) : fc.constant<Body>({ kind: 'none', headers: {} });
  const who = op.path === '/api/staff/logout' ? fc.constantFrom<Identity>('anonymous', 'forged-session') : identities;
  return fc.tuple(path, queryString(op.parameters, known), body, headerValues(op, known), who).map(([p, q, b, h, as]) => ({
    method: op.method,
    url: p + q,
    headers: { ...h, ...b.headers, ...identityHeaders(as, known) },
    payload: b.payload,
    as,
  }));
}
