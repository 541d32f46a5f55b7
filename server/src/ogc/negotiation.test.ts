import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../http/app-error.ts';
import { negotiate } from './negotiation.ts';

const offered = ['application/geo+json', 'application/json'];
const asking = (accept?: string) => ({ headers: accept === undefined ? {} : { accept } }) as FastifyRequest;

describe('negotiate', () => {
  it.each([
    [undefined, 'application/geo+json'],
    ['*/*', 'application/geo+json'],
    ['application/json', 'application/json'],
    ['application/geo+json, application/json', 'application/geo+json'],
    ['application/geo+json;q=0.5, application/json', 'application/json'],
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'application/geo+json'],
    ['application/*', 'application/geo+json'],
    // The most specific range decides: geo+json refused outright, JSON through the wildcard.
    ['application/geo+json;q=0, */*', 'application/json'],
  ])('answers Accept %j with %s', (accept, type) => {
    expect(negotiate(asking(accept), offered)).toBe(type);
  });

  it.each(['text/html', 'application/json;q=0, application/geo+json;q=0', 'image/*'])(
    'refuses Accept %j with 406 NOT_ACCEPTABLE', (accept) => {
      let refusal: AppError | undefined;
      try {
        negotiate(asking(accept), offered);
      } catch (error) {
        refusal = error as AppError;
      }
      expect(refusal?.code).toBe('NOT_ACCEPTABLE');
      expect(refusal?.statusCode).toBe(406);
    });
});
