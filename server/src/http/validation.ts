import { AjvCompiler } from '@fastify/ajv-compiler';
import type { FastifyServerOptions } from 'fastify';
import { appError } from './error-catalogue.ts';

// How every request part is checked against its route's schema.
//
// A JSON body says what type each value is: `"description": 12345` or `"name": false` is the
// client's mistake, refused, never turned into text. A query string, a path and headers are all
// text, so there numbers and booleans are read from it ('limit=20', 'fdr=true').
//
// Ajv's coercion turns 'Infinity' and '1e999' into Infinity and then skips `minimum` and
// `maximum` for a number that is not finite, so a coerced value is also checked to be finite.
// No part may carry a NUL character: PostgreSQL text cannot hold one, and in a path or a name it
// is how truncation attacks begin.

type Validate = ((data: unknown, context?: unknown) => boolean) & { errors?: unknown; schemaEnv?: unknown };
type ValidatorFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>['buildValidator'];

const pool = AjvCompiler();
const textOptions = { coerceTypes: 'array' as const, removeAdditional: false as const };
const jsonOptions = { coerceTypes: false as const, removeAdditional: false as const };

/** Where in the value (a JSON pointer) the first NUL character is, in a key or a string. */
export function nulAt(value: unknown, at = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? at : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes('\u0000')) return `${at}/${key}`;
    const found = nulAt(inner, `${at}/${key}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

function nonFiniteAt(value: unknown, at = ''): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : at;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const found = nonFiniteAt(inner, `${at}/${key}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

const field = (part: string, pointer: string) => [part, pointer.slice(1).replace(/\//g, '.')].filter(Boolean).join('.');

/** Refuses a NUL character anywhere in a value, naming the field; for parts read by hand (multipart). */
export function refuseNul(part: string, value: unknown): void {
  const at = nulAt(value);
  if (at !== undefined) throw appError('NUL_CHARACTER', { field: field(part, at) });
}

function checked(validate: Validate, part: string): Validate {
  const wrapped: Validate = (data, context) => {
    const nul = nulAt(data);
    if (nul !== undefined) return { error: appError('NUL_CHARACTER', { field: field(part, nul) }) } as never;
    if (!validate(data, context)) {
      wrapped.errors = validate.errors;
      return false;
    }
    const infinite = nonFiniteAt(data);
    if (infinite !== undefined) {
      wrapped.errors = [{ instancePath: infinite, schemaPath: '', keyword: 'type', params: {}, message: 'must be a finite number' }];
      return false;
    }
    return true;
  };
  // Fastify passes the parent object to Ajv's own functions, so a root value can be coerced.
  wrapped.schemaEnv = validate.schemaEnv;
  return wrapped;
}

/** Fastify's validator factory: one Ajv for JSON bodies, one for the text parts of a request. */
export const buildRequestValidator: ValidatorFactory = (externalSchemas, ajvOptions) => {
  const withOptions = (customOptions: object) => ({ ...ajvOptions, customOptions: { ...ajvOptions?.customOptions, ...customOptions } }) as never;
  const forText = pool(externalSchemas as never, withOptions(textOptions));
  const forJson = pool(externalSchemas as never, withOptions(jsonOptions));
  return (route) => {
    const part = route.httpPart === 'querystring' ? 'querystring' : route.httpPart ?? 'body';
    const validate = (route.httpPart === 'body' ? forJson : forText)(route as never) as Validate;
    return checked(validate, part) as never;
  };
};
