import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppError } from '../http/app-error.ts';
import { appError } from '../http/error-catalogue.ts';
import { refusalOf, setRetryAfter } from '../http/error-handler.ts';
import { overrideNotFound } from '../http/not-found.ts';
import { formatOfUrl, sendOpen311 } from './format.ts';

/**
 * Under /open311 every refusal is the specification's list of {code, description}, in the format
 * the path asked for; the HTTP status and Retry-After are those of the app's own error handler.
 * The description ends with PetaWarga's stable code, so a client can still tell refusals apart.
 */
function sendErrors(request: FastifyRequest, reply: FastifyReply, refusal: AppError) {
  setRetryAfter(reply, refusal);
  // GeoReport v2 has no 422: a request understood and refused (outside the city, a reused
  // Idempotency-Key) is its 400, "any error but the api_key's".
  const status = refusal.statusCode === 422 ? 400 : refusal.statusCode;
  reply.status(status);
  const details = refusal.code === 'VALIDATION_FAILED' && Array.isArray(refusal.details)
    ? (refusal.details as { field: string; problem: string }[]).map((d) => ` ${d.field}: ${d.problem}.`).join('')
    : '';
  const errors = [{ code: status, description: `${refusal.messages.en}${details} [${refusal.code}]` }];
  return reply.send(sendOpen311(reply, formatOfUrl(request.url), 'errors', errors));
}

/** An unknown path under /open311, in the format its suffix names. */
export function open311NotFound(request: FastifyRequest, reply: FastifyReply) {
  return sendErrors(request, reply, appError('NOT_FOUND', { method: request.method, url: request.url }));
}

/**
 * Scoped to the plugin it is called in: the rest of the app keeps its JSON errors. A GET that
 * no route takes meets the web app's file route first, whose not-found handler (web/static.ts)
 * sends /open311 paths here too, through overrideNotFound.
 */
export function useOpen311Errors(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => sendErrors(request, reply, refusalOf(error, request)));
  app.setNotFoundHandler(open311NotFound);
  overrideNotFound(app, '/open311', open311NotFound);
}
