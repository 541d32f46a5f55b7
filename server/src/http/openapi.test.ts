import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.ts';

// The contract of every route is its schemas: Fastify validates requests and serialises
// answers with them, the OpenAPI document at /docs shows them, and the web app imports their
// types. These tests read the document the app itself builds, so a route added without its
// schemas fails here by name.
//
// The rule for a success (2xx) answer:
// - JSON (application/json, application/geo+json): a schema with a type, properties, items or
//   alternatives. Inside it, a part that is free-form on purpose (an explanation stored as JSON)
//   says so in its description; an unexplained {} fails, and so does a free-form answer as a whole.
// - Anything else (vector tiles, JPEG photos, CSV downloads): declared under its own content
//   type with a `type: string` schema (format binary for bytes) and a description.
// - 204 No Content: declared, without content.
//
// Routes hidden from the document are only those of @fastify/swagger-ui (the document and its
// viewer under /docs) and of @fastify/static (the files of the built web app, whose HTML pages
// are sent by the not-found handler): `hidden` below names them, and any other hidden route fails.
// HEAD routes mirror their GET and are left out of the document by @fastify/swagger.

interface Schema {
  type?: string | string[];
  format?: string;
  description?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  maximum?: number;
  $ref?: string;
}
interface Operation {
  parameters?: { name: string; in: string; schema?: Schema }[];
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Schema }> }>;
}
interface OpenApi { paths: Record<string, Record<string, Operation>> }

const methods = ['get', 'post', 'put', 'patch', 'delete'];
const hidden = [
  /^GET \/docs(\/(static\/.*|\*|json|yaml)?)?$/,
  /^GET \/?\*$/,
];

let t: TestApp;
let doc: OpenApi;
let operations: [string, Operation][];

beforeAll(async () => {
  t = await createTestApp();
  doc = t.app.swagger() as unknown as OpenApi;
  operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).filter(([m]) => methods.includes(m)).map(([m, op]) => [`${m.toUpperCase()} ${path}`, op] as [string, Operation]));
});
afterAll(() => t?.close());

/** Where a schema says nothing of its shape, with no description of why: paths into it. */
function untypedParts(schema: Schema | undefined, at: string, whole = true): string[] {
  if (!schema) return [`${at}: no schema`];
  if (schema.$ref) return [];
  const alternatives = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (alternatives) return alternatives.flatMap((s, i) => untypedParts(s, `${at}|${i}`, whole));
  const shaped = schema.type !== undefined || schema.enum !== undefined || schema.const !== undefined;
  if (!shaped) return schema.description && !whole ? [] : [`${at}: untyped`];
  return [
    ...Object.entries(schema.properties ?? {}).flatMap(([k, s]) => untypedParts(s, `${at}.${k}`, false)),
    ...(schema.items ? untypedParts(schema.items, `${at}[]`, false) : []),
    ...(typeof schema.additionalProperties === 'object' ? untypedParts(schema.additionalProperties, `${at}{}`, false) : []),
  ];
}

function successProblems(op: Operation): string[] {
  const success = Object.entries(op.responses ?? {}).filter(([status]) => /^2/.test(status));
  if (success.length === 0) return ['no 2xx response'];
  return success.flatMap(([status, response]) => {
    if (status === '204') return response.content ? ['204 with content'] : [];
    const content = Object.entries(response.content ?? {});
    // @fastify/swagger writes "Default Response" where a route declared nothing.
    if (content.length === 0) return [`${status}: no schema`];
    return content.flatMap(([type, { schema }]) => {
      if (/json/.test(type)) return untypedParts(schema, `${status} ${type}`);
      const problems = [];
      if (schema?.type !== 'string') problems.push(`${status} ${type}: not a string schema`);
      if (!schema?.description && !response.description) problems.push(`${status} ${type}: no description`);
      return problems;
    });
  });
}

/** Paging parameters a client could set to any size: each makes one request as big as it likes. */
function unboundedPaging(op: Operation): string[] {
  return (op.parameters ?? [])
    .filter((p) => /^(limit|offset|page[-_]?size|per[-_]?page)$/i.test(p.name) && p.schema?.type === 'integer' && p.schema.maximum === undefined)
    .map((p) => `${p.in}.${p.name}`);
}

describe('the OpenAPI document', () => {
  it('documents every route but the document itself and the web app\'s files', () => {
    const documented = new Set(operations.map(([name]) => name.replace(/\{(\w+)\}/g, ':$1')));
    // printRoutes lists every route, visible or not, as a tree of path pieces with their methods.
    const all: string[] = [];
    const stack: string[] = [];
    for (const line of t.app.printRoutes({ commonPrefix: false }).split('\n')) {
      const match = /^([│ ]*)[├└]── (\S+) \(([^)]+)\)/.exec(line);
      if (!match) continue;
      const depth = match[1].length / 4;
      stack.length = depth;
      stack.push(match[2]);
      for (const method of match[3].split(', ').filter((m) => m !== 'HEAD')) all.push(`${method} ${stack.join('')}`);
    }
    expect(all.length).toBeGreaterThan(operations.length);
    const undocumented = all.filter((route) => !documented.has(route) && !hidden.some((h) => h.test(route)));
    expect(undocumented).toEqual([]);
  });

  it('gives every route a typed success response', () => {
    const failures = operations.flatMap(([name, op]) => successProblems(op).map((p) => `${name}: ${p}`));
    expect(failures).toEqual([]);
  });

  it('declares an error response on every route (ErrorResponse)', () => {
    const withoutErrors = operations
      .filter(([, op]) => !Object.keys(op.responses ?? {}).some((status) => /^[45]/.test(status)))
      .map(([name]) => name);
    expect(withoutErrors).toEqual([]);
  });

  it('bounds every integer limit, offset and page size', () => {
    expect(operations.flatMap(([name, op]) => unboundedPaging(op).map((p) => `${name} ${p}`))).toEqual([]);
  });

  it('catches an unbounded limit (the check itself can fail)', () => {
    expect(unboundedPaging({ parameters: [
      { name: 'limit', in: 'query', schema: { type: 'integer' } },
      { name: 'offset', in: 'query', schema: { type: 'integer', maximum: 100 } },
    ] })).toEqual(['query.limit']);
  });

  it('catches a route without a response schema (the check itself can fail)', () => {
    expect(successProblems({ responses: { 200: { description: 'Default Response' } } })).toEqual(['200: no schema']);
    expect(successProblems({ responses: { 200: { content: { 'application/json': { schema: {} } } } } })).toEqual(['200 application/json: untyped']);
    expect(successProblems({ responses: { 200: { content: { 'application/json': { schema: { description: 'See detail.ts' } } } } } }))
      .toEqual(['200 application/json: untyped']);
    expect(successProblems({ responses: { 200: { content: { 'application/json': { schema: { type: 'object', properties: { a: {} } } } } } } }))
      .toEqual(['200 application/json.a: untyped']);
    expect(successProblems({ responses: { 200: { content: { 'image/jpeg': { schema: { type: 'string' } } } } } })).toEqual(['200 image/jpeg: no description']);
  });
});
